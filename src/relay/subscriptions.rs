//! What the hub asks each relay, within what relays allow. Two kinds of
//! subscription:
//!
//! - pages (`p1`, `p2` …, [`Pager`](crate::model::nostr::paging::Pager)):
//!   everything stored that the thread needs, paged back to each relay's
//!   oldest event, each relay on its own, a few pages at a time, each page
//!   closed once answered. Jobs: the comments in both spellings of the
//!   page, the moderators' mute lists (and sets of approved authors), then, as events arrive, the likes and
//!   deletion requests that name them, their authors' profiles, and
//!   replies' parents that did not come with the thread, by id.
//! - live ones (`live`, `live0` …): what is published from now on, in one
//!   `REQ` with several filters where NIP-01 allows it; the likes and
//!   authors followed live are at most `LIVE_BATCH * MAX_LIVE_CHUNKS`.
//!
//! So a relay sees at most `1 + MAX_LIVE_CHUNKS + IN_FLIGHT` subscriptions
//! of a thread at once (17), fewer than the 20 of strfry's default.

use super::{Hub, wait};
use crate::browser::now_ms;
use crate::model::nostr::paging::{PageEnd, backoff_ms};
use crate::model::nostr::requests::{self, BATCH};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use std::cell::RefCell;
// std's hasher, not FxHash: these keys are chosen by relays.
use std::collections::HashSet;
use std::rc::Rc;

/// Event ids (and authors) one live subscription follows: with both, a
/// `REQ` of about 33 KB, within the 64 KB that relays commonly take.
const LIVE_BATCH: usize = 250;
/// Live subscriptions for likes, deletions and names, besides the thread's.
const MAX_LIVE_CHUNKS: usize = 12;
/// How long a page may stay unanswered before its relay no longer holds
/// up the thread (it may still answer later).
const PAGE_TIMEOUT_MS: i32 = 10_000;
/// How far before this visit live subscriptions reach (clocks differ; an
/// event that a page brings too costs nothing).
const LIVE_SLACK_S: u64 = 600;

/// Event ids (or authors) whose likes, deletions (or names) are asked for,
/// in the order they came: the first ones are followed live.
#[derive(Default)]
pub(super) struct Followed {
    order: Vec<String>,
    known: HashSet<String>,
}

impl Followed {
    /// Follows those of `items` not followed yet, and returns them.
    fn add(&mut self, items: impl IntoIterator<Item = String>) -> &[String] {
        let start = self.order.len();
        for item in items {
            if self.known.insert(item.clone()) {
                self.order.push(item);
            }
        }
        self.order.get(start..).unwrap_or_default()
    }
}

/// Filters of one `REQ`, as its tail.
fn filters(filters: &[Value]) -> String {
    filters.iter().map(Value::to_string).collect::<Vec<_>>().join(",")
}

impl Hub {
    /// The thread's first jobs on every relay: its comments, in every
    /// spelling of its page, and its moderators' lists.
    pub(super) fn plan(&mut self) {
        let thread = requests::thread(&self.shared);
        for connection in &mut self.connections {
            thread.iter().for_each(|filter| connection.pager.add(filter.clone()));
        }
        self.live = self.live_subscriptions();
    }

    /// Every live subscription, as it should be now.
    fn live_subscriptions(&self) -> Vec<(String, String)> {
        let since = self.started_s.saturating_sub(LIVE_SLACK_S);
        let thread: Vec<Value> =
            requests::thread(&self.shared).into_iter().map(|filter| requests::since(filter, since)).collect();
        let mut live = vec![("live".to_string(), filters(&thread))];
        let mut ids = self.followed_ids.order.chunks(LIVE_BATCH);
        let mut authors = self.followed_authors.order.chunks(LIVE_BATCH);
        for chunk in 0..MAX_LIVE_CHUNKS {
            let mut these = Vec::new();
            if let Some(ids) = ids.next() {
                these.push(requests::since(requests::likes_and_deletions(ids), since));
            }
            if let Some(authors) = authors.next() {
                these.push(requests::since(requests::names(authors), since));
            }
            if these.is_empty() {
                break;
            }
            live.push((format!("live{chunk}"), filters(&these)));
        }
        live
    }

    /// Asks for the likes, deletions and profiles of comments and authors
    /// not asked about yet: paged on every relay, and followed live.
    pub(super) fn subscribe_new(&mut self, hub: &Rc<RefCell<Hub>>) {
        self.subscribe_pending = false;
        if self.stopped {
            return;
        }
        let (ids, authors) = self.shared.known();
        let own_ids = self.own().comments.into_iter().map(|(id, _)| id);
        for chunk in self.followed_ids.add(ids.into_iter().chain(own_ids)).chunks(BATCH) {
            let likes_and_deletions = requests::likes_and_deletions(chunk);
            self.connections.iter_mut().for_each(|c| c.pager.add(likes_and_deletions.clone()));
        }
        for chunk in self.followed_authors.add(authors).chunks(BATCH) {
            let names = requests::names(chunk);
            self.connections.iter_mut().for_each(|c| c.pager.add(names.clone()));
        }
        if self.complete {
            self.refresh_live();
        }
        for index in 0..self.connections.len() {
            self.pump(index, hub);
        }
        self.update_loading(hub);
    }

    /// Sends the live subscriptions that changed. While the thread is
    /// loading they follow the thread's comments only: pages bring the
    /// likes of the comments that arrive (and live ones reach back to the
    /// start of the visit), so the likes' subscriptions are sent once,
    /// when the thread is complete, rather than again with every page.
    fn refresh_live(&mut self) {
        let live = self.live_subscriptions();
        for (id, tail) in &live {
            if !self.live.contains(&(id.clone(), tail.clone())) {
                self.connections.iter_mut().for_each(|c| c.subscribe(id, tail));
            }
        }
        self.live = live;
    }

    /// A connection opened: the live subscriptions, and the pages that were
    /// waiting (or cut off by the last disconnection).
    pub(super) fn subscribe_on_open(&mut self, index: usize, hub: &Rc<RefCell<Hub>>) {
        let live = self.live.clone();
        let Some(connection) = self.connections.get_mut(index) else { return };
        connection.pager.reconnected();
        for (id, tail) in &live {
            connection.subscribe(id, tail);
        }
        self.pump(index, hub);
    }

    /// Asks relay `index` for the pages it may be asked now, and sets a
    /// timer for each and for the next retry of a refused one.
    pub(super) fn pump(&mut self, index: usize, hub: &Rc<RefCell<Hub>>) {
        let Some(connection) = self.connections.get_mut(index) else { return };
        if !connection.is_open() || self.stopped {
            return;
        }
        let now = now_ms();
        let generation = connection.generation();
        for (sub, filter) in connection.pager.next_pages(now) {
            connection.subscribe(&sub, &filter);
            let weak = Rc::downgrade(hub);
            spawn_local(async move {
                // Given up only when it brought nothing for that long: a
                // big page that is still arriving is not.
                let mut progress = Some(0);
                loop {
                    wait::sleep(PAGE_TIMEOUT_MS).await;
                    let Some(hub) = weak.upgrade() else { return };
                    let Ok(mut state) = hub.try_borrow_mut() else { continue };
                    let Some(connection) = state.connections.get_mut(index) else { return };
                    let now = connection.pager.progress(&sub);
                    if connection.generation() != generation || now.is_none() {
                        return;
                    }
                    if now != progress {
                        progress = now;
                        continue;
                    }
                    connection.close_subscription(&sub);
                    connection.pager.timed_out(&sub, now_ms());
                    state.pump(index, &hub);
                    state.update_loading(&hub);
                    return;
                }
            });
        }
        let retry = connection.pager.next_retry_ms().filter(|at| *at > now);
        if let Some(at) = retry
            && !std::mem::replace(&mut connection.retry_pending, true)
        {
            let weak = Rc::downgrade(hub);
            spawn_local(async move {
                wait::sleep((at - now).ceil() as i32).await;
                let Some(hub) = weak.upgrade() else { return };
                let Ok(mut state) = hub.try_borrow_mut() else { return };
                if let Some(connection) = state.connections.get_mut(index) {
                    connection.retry_pending = false;
                }
                state.pump(index, &hub);
            });
        }
    }

    /// Relay `index` ended subscription `sub` (`EOSE`).
    pub(super) fn end_of_stored(&mut self, index: usize, sub: &str, finish: bool, hub: &Rc<RefCell<Hub>>) {
        let Some(connection) = self.connections.get_mut(index) else { return };
        if connection.pager.end_of_page(sub, finish) == PageEnd::Unknown {
            return;
        }
        connection.close_subscription(sub);
        if connection.pager.settled() {
            self.ask_for_parents(index);
            // This relay has sent all it was asked: the burst that the pause
            // before asking for likes and names waits out has ended, so ask
            // now. (A short thread's names came a pause and a round trip
            // after its comments, and it is not whole before them. While a
            // long thread is paged back, the pause still gathers pages into
            // fewer requests.)
            if self.subscribe_pending {
                self.subscribe_new(hub);
            }
        }
        self.pump(index, hub);
        self.update_loading(hub);
    }

    /// Relay `index` closed subscription `sub` (`CLOSED`): a page is asked
    /// again later; a live subscription is sent again later.
    pub(super) fn refused(&mut self, index: usize, sub: &str, hub: &Rc<RefCell<Hub>>) {
        let Some(connection) = self.connections.get_mut(index) else { return };
        if connection.pager.closed(sub, now_ms()) {
            self.pump(index, hub);
            self.update_loading(hub);
            return;
        }
        let Some((id, tail)) = self.live.iter().find(|(id, _)| id == sub).cloned() else { return };
        connection.live_refusals = connection.live_refusals.saturating_add(1);
        let delay = backoff_ms(connection.live_refusals) as i32;
        let generation = connection.generation();
        let weak = Rc::downgrade(hub);
        spawn_local(async move {
            wait::sleep(delay).await;
            let Some(hub) = weak.upgrade() else { return };
            let Ok(mut state) = hub.try_borrow_mut() else { return };
            let current = state.live.iter().any(|(i, t)| *i == id && *t == tail);
            if let Some(connection) = state.connections.get_mut(index)
                && connection.generation() == generation
                && current
            {
                connection.subscribe(&id, &tail);
            }
        });
    }

    /// Once relay `index` has paged everything: the parents of replies that
    /// came without them, asked for by id (a reply may be on a relay that
    /// lacks its parent; a parent in another scope is still not shown).
    fn ask_for_parents(&mut self, index: usize) {
        let missing = self.shared.missing_parents(&self.own());
        let Some(connection) = self.connections.get_mut(index) else { return };
        let new: Vec<String> = missing.into_iter().filter(|id| connection.asked_parents.insert(id.clone())).collect();
        for chunk in new.chunks(BATCH) {
            connection.pager.add(requests::events(chunk));
        }
    }

    /// Whether every relay has sent all it holds of the thread, or cannot
    /// be reached: until then the thread says it is loading older comments,
    /// and replies wait for their parents.
    pub(super) fn update_loading(&mut self, hub: &Rc<RefCell<Hub>>) {
        let complete = self.shared.is_full() || self.connections.iter().all(|c| c.settled());
        if complete != self.complete {
            self.complete = complete;
            if complete {
                self.refresh_live();
                // The count is the whole thread's the moment "Loading…" goes.
                self.show();
            } else {
                self.schedule_view(hub);
            }
            let _ = self.status.loading_older.try_set(!complete);
        }
        // What came asks for more until a pass brings nothing new: only then
        // is the thread whole, names and likes included, for the first time.
        if complete && !self.subscribe_pending && self.status.busy.try_get_untracked() == Some(true) {
            let _ = self.status.busy.try_set(false);
        }
    }
}
