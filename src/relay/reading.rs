//! What relays say (NIP-01 messages: events, acknowledgements, the end of
//! stored events, refusals, notices), and what is sent to a relay when its
//! connection opens.

use super::connection::Received;
use super::{Hub, LOADING_VIEW_DELAY_MS, VIEW_DELAY_MS, now_s, wait};
use crate::browser::now_ms;
use crate::model::nostr::Event;
use crate::model::nostr::message::{self, RelayMessage};
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// The most messages, and bytes, waiting to be read: past either a flood
/// is dropped (a page it cut short times out and is not waited for).
const MAX_INBOX: usize = 20_000;
const MAX_INBOX_BYTES: usize = 16 * 1024 * 1024;
/// How long one slice of reading may run before the page gets a turn.
const READ_SLICE_MS: f64 = 8.0;

/// Takes a relay's message. The browser hands over every message that
/// arrived since its last turn in one task (hundreds when a relay sends a
/// page), and checking each event's signature takes a millisecond or more:
/// so messages are queued here and read in slices of a few milliseconds,
/// each its own task, and the page stays responsive.
pub(super) fn receive(state: &mut Hub, hub: &Rc<RefCell<Hub>>, index: usize, generation: u32, received: Received) {
    if state.inbox.len() < MAX_INBOX && state.inbox_bytes + received.size() <= MAX_INBOX_BYTES {
        state.inbox_bytes += received.size();
        state.inbox.push_back((index, generation, received));
    }
    if std::mem::replace(&mut state.reading, true) {
        return;
    }
    let weak = Rc::downgrade(hub);
    spawn_local(async move {
        while read_slice(&weak) {
            wait::sleep(0).await;
        }
    });
}

/// Reads waiting messages for a few milliseconds; returns whether some
/// are left.
fn read_slice(weak: &Weak<RefCell<Hub>>) -> bool {
    let Some(hub) = weak.upgrade() else { return false };
    // Busy (cannot happen between tasks, but never lose the inbox): next turn.
    let Ok(mut state) = hub.try_borrow_mut() else { return true };
    let started = now_ms();
    while now_ms() - started < READ_SLICE_MS {
        let Some((index, generation, received)) = state.inbox.pop_front() else { break };
        state.inbox_bytes = state.inbox_bytes.saturating_sub(received.size());
        let current = state.connections.get(index).is_some_and(|c| c.generation() == generation);
        if !current || state.stopped {
            continue;
        }
        match received {
            Received::Message(text) => state.heard(index, &text, &hub),
            Received::TooLong { sub } => {
                if let Some(connection) = state.connections.get_mut(index) {
                    connection.pager.unreadable(&sub);
                }
            }
        }
    }
    let more = !state.inbox.is_empty();
    state.reading = more;
    more
}

impl Hub {
    /// A relay's message (NIP-01): events, acknowledgements, the end of
    /// stored events. Anything else, or anything malformed, is ignored.
    pub(super) fn heard(&mut self, index: usize, text: &str, hub: &Rc<RefCell<Hub>>) {
        let Some(message) = message::parse(text) else { return };
        match message {
            RelayMessage::Event { sub, event } => {
                let Some(event) = event else {
                    if let Some(connection) = self.connections.get_mut(index) {
                        connection.pager.unreadable(&sub);
                    }
                    return;
                };
                // A page counts what the relay sent, also what another relay
                // sent first: that tells how far back this relay has come.
                if let Some(connection) = self.connections.get_mut(index) {
                    connection.pager.event(&sub, &event.id, event.created_at);
                }
                // Repeats and a full thread cost no signature check.
                if !self.shared.wants(&event.id) || event.verify().is_err() {
                    return;
                }
                if self.shared.insert(event, now_s()) {
                    self.schedule_view(hub);
                    self.schedule_subscribe(hub);
                }
            }
            RelayMessage::Ok { id, accepted, reason } => {
                let reason: String = reason.chars().take(200).collect();
                let Some(connection) = self.connections.get_mut(index) else { return };
                let Some(id) = connection.answered(&id) else { return };
                let relay = connection.url.clone();
                if accepted || reason.starts_with("duplicate:") {
                    self.acked(&id, &relay);
                } else {
                    self.refusals.retain(|(e, r, _)| !(e == &id && r == &relay));
                    self.refusals.push((id, relay, reason));
                    self.update_deliveries();
                }
            }
            RelayMessage::EndOfStored { sub, finish } => self.end_of_stored(index, &sub, finish, hub),
            RelayMessage::Notice { words } => self.log_words(index, &words),
            RelayMessage::Closed { sub, words } => {
                self.log_words(index, &words);
                self.refused(index, &sub, hub);
            }
        }
    }

    /// What relay `index` said in words (a notice, a refusal), for whoever
    /// looks at the console.
    fn log_words(&self, index: usize, words: &str) {
        let relay = self.connections.get(index).map(|c| c.url.as_str()).unwrap_or_default();
        leptos::logging::warn!("agora: relay {} says: {}", relay, words.chars().take(200).collect::<String>());
    }

    pub(super) fn acked(&mut self, id: &str, relay: &str) {
        let sent = self.outbox.iter_mut().find(|(_, e)| e.event.as_ref().is_some_and(|ev| ev.id == id));
        let Some((slot, entry)) = sent else { return };
        if !entry.acked.iter().any(|r| r == relay) {
            entry.acked.push(relay.to_string());
            let _ = self.store.put_outbox(slot, entry);
        }
        self.refusals.retain(|(e, r, _)| !(e == id && r == relay));
        self.update_deliveries();
    }

    /// Shows what relays said, once a burst of events has arrived.
    pub(super) fn schedule_view(&mut self, hub: &Rc<RefCell<Hub>>) {
        if std::mem::replace(&mut self.view_pending, true) {
            return;
        }
        let delay = if self.complete { VIEW_DELAY_MS } else { LOADING_VIEW_DELAY_MS };
        let weak = Rc::downgrade(hub);
        spawn_local(async move {
            wait::sleep(delay).await;
            let Some(hub) = weak.upgrade() else { return };
            let Ok(mut hub) = hub.try_borrow_mut() else { return };
            hub.view_pending = false;
            if !hub.stopped {
                hub.show();
            }
        });
    }

    /// Shows what relays said, now.
    pub(super) fn show(&mut self) {
        let view = self.shared.view(&self.own(), self.complete);
        self.arrivals.show_shared(view.comments, view.likes);
        self.update_moderation(view.hidden, view.pending);
        self.update_deliveries();
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
            let Ok(mut state) = hub.try_borrow_mut() else { return };
            // A relay's end of stored events may have asked already.
            if state.subscribe_pending {
                state.subscribe_new(&hub);
            }
        });
    }

    /// A connection opened: subscribe again and send what this relay lacks.
    pub(super) fn opened(&mut self, index: usize, hub: &Rc<RefCell<Hub>>) {
        // Its limits are asked once it answers at all: a relay that is down
        // would only add a failed request to the console.
        if self.connections.get_mut(index).is_some_and(|c| !std::mem::replace(&mut c.limits_asked, true)) {
            super::info::learn_limits(hub, index);
        }
        self.subscribe_on_open(index, hub);
        let Some(url) = self.connections.get(index).map(|c| c.url.clone()) else { return };
        let due: Vec<Event> =
            self.outbox.iter().filter(|(_, e)| e.due_at(&url)).filter_map(|(_, e)| e.event.clone()).collect();
        if let Some(connection) = self.connections.get_mut(index) {
            due.iter().for_each(|event| connection.send_event(event));
        }
        self.update_loading(hub);
    }
}
