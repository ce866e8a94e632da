//! What relays say (NIP-01 messages: events, acknowledgements, notices) and
//! what the hub asks them: the thread's subscriptions, sent again on every
//! reconnection together with what a relay has not acknowledged yet.

use super::{BATCH, Hub, VIEW_DELAY_MS, now_s, wait};
use crate::model::nostr::Event;
use crate::model::nostr::event::REACTION;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

impl Hub {
    /// A relay's message (NIP-01): events, acknowledgements, the end of
    /// stored events. Anything else, or anything malformed, is ignored.
    pub(super) fn heard(&mut self, index: usize, text: &str, hub: &Rc<RefCell<Hub>>) {
        let Ok(message) = serde_json::from_str::<Vec<serde_json::Value>>(text) else { return };
        match message.first().and_then(|m| m.as_str()) {
            Some("EVENT") => {
                let Some(event) = message.get(2).and_then(|e| serde_json::from_value::<Event>(e.clone()).ok()) else {
                    return;
                };
                // Repeats and a full thread cost no signature check.
                if !self.shared.wants(&event.id) || event.verify().is_err() {
                    return;
                }
                if self.shared.insert(event, now_s()) {
                    self.schedule_view(hub);
                    self.schedule_subscribe(hub);
                }
            }
            Some("OK") => {
                let id = message.get(1).and_then(|v| v.as_str()).unwrap_or_default().to_string();
                let accepted = message.get(2).and_then(|v| v.as_bool()).unwrap_or(false);
                let reason: String =
                    message.get(3).and_then(|v| v.as_str()).unwrap_or_default().chars().take(200).collect();
                let Some(id) = self.connections[index].answered(&id) else { return };
                let relay = self.connections[index].url.clone();
                if accepted || reason.starts_with("duplicate:") {
                    self.acked(&id, &relay);
                } else {
                    self.refusals.retain(|(e, r, _)| !(e == &id && r == &relay));
                    self.refusals.push((id, relay, reason));
                    self.update_deliveries();
                }
            }
            Some("NOTICE") | Some("CLOSED") => {
                let words = message.last().and_then(|v| v.as_str()).unwrap_or_default();
                leptos::logging::warn!(
                    "agora: relay {} says: {}",
                    self.connections[index].url,
                    words.chars().take(200).collect::<String>()
                );
            }
            _ => {}
        }
    }

    pub(super) fn acked(&mut self, id: &str, relay: &str) {
        let Some(at) = self.outbox.iter().position(|(_, e)| e.event.as_ref().is_some_and(|ev| ev.id == id)) else {
            return;
        };
        if !self.outbox[at].1.acked.iter().any(|r| r == relay) {
            self.outbox[at].1.acked.push(relay.to_string());
            let (slot, entry) = &self.outbox[at];
            let _ = self.d.store.put_outbox(slot, entry);
        }
        self.refusals.retain(|(e, r, _)| !(e == id && r == relay));
        self.update_deliveries();
    }

    /// Shows what relays said, once a burst of events has arrived.
    pub(super) fn schedule_view(&mut self, hub: &Rc<RefCell<Hub>>) {
        if std::mem::replace(&mut self.view_pending, true) {
            return;
        }
        let weak = Rc::downgrade(hub);
        spawn_local(async move {
            wait::sleep(VIEW_DELAY_MS).await;
            let Some(hub) = weak.upgrade() else { return };
            let mut hub = hub.borrow_mut();
            hub.view_pending = false;
            if hub.stopped {
                return;
            }
            let view = hub.shared.view(&hub.own());
            let _ = hub.d.thread.try_maybe_update(|t| (t.set_shared(view.comments, view.likes), ()));
            hub.update_deliveries();
        });
    }

    /// Asks for the likes, deletions and profiles of comments and authors
    /// not asked about yet, in batches.
    pub(super) fn schedule_subscribe(&mut self, hub: &Rc<RefCell<Hub>>) {
        if std::mem::replace(&mut self.subscribe_pending, true) {
            return;
        }
        let weak = Rc::downgrade(hub);
        spawn_local(async move {
            wait::sleep(VIEW_DELAY_MS * 2).await;
            let Some(hub) = weak.upgrade() else { return };
            hub.borrow_mut().subscribe_new();
        });
    }

    pub(super) fn subscribe_new(&mut self) {
        self.subscribe_pending = false;
        if self.stopped {
            return;
        }
        let (ids, authors) = self.shared.known();
        let mine = self.own();
        let own_ids = mine.comments.iter().map(|(id, _)| id.clone());
        let ids: Vec<String> = ids.into_iter().chain(own_ids).filter(|id| !self.subscribed_ids.contains(id)).collect();
        let authors: Vec<String> = authors.into_iter().filter(|a| !self.subscribed_authors.contains(a)).collect();
        let mut added = Vec::new();
        for chunk in ids.chunks(BATCH) {
            let filter = serde_json::json!({ "kinds": [REACTION], "#e": chunk });
            added.push((format!("r{}", self.filters.len() + added.len()), filter.to_string()));
        }
        for chunk in authors.chunks(BATCH) {
            let filter = serde_json::json!({ "kinds": [0, 5], "authors": chunk });
            added.push((format!("a{}", self.filters.len() + added.len()), filter.to_string()));
        }
        self.subscribed_ids.extend(ids);
        self.subscribed_authors.extend(authors);
        for (id, filter) in &added {
            for connection in &mut self.connections {
                connection.subscribe(id, filter);
            }
        }
        self.filters.extend(added);
    }

    /// A connection opened: subscribe again and send what this relay lacks.
    pub(super) fn opened(&mut self, index: usize) {
        let filters = self.filters.clone();
        let due: Vec<Event> = self
            .outbox
            .iter()
            .filter(|(_, e)| e.due_at(&self.connections[index].url))
            .filter_map(|(_, e)| e.event.clone())
            .collect();
        let connection = &mut self.connections[index];
        for (id, filter) in &filters {
            connection.subscribe(id, filter);
        }
        for event in &due {
            connection.send_event(event);
        }
    }
}
