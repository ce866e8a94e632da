//! Moderation from inside the widget: a reader whose key is one of the
//! thread's moderators (their NIP-07 signer's, or the key this browser
//! keeps) hides and unhides comments and authors by publishing their next
//! mute list (`model::nostr::moderation`). Everyone's widget follows the
//! moderators' lists live, so a hidden comment goes from every screen.

use super::identity::{self, Signer};
use super::{Act, Hub, Relays, now_s};
use crate::model::CommentId;
use crate::model::nostr::Unsigned;
use crate::model::nostr::moderation::{Refusal, Target, approved_set, changed_list};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

impl Relays {
    /// Hides (or unhides) a comment or its author, as the reader moderates.
    pub fn moderate(&self, target: Target, hidden: bool) {
        self.act(Act::Moderate(target, hidden));
    }

    /// Approves an author (their key), as the reader moderates.
    pub fn approve(&self, author: String) {
        self.act(Act::Approve(author));
    }

    /// The key of a comment's author on relays (others' comments only).
    pub fn author_of(&self, id: &CommentId) -> Option<String> {
        let hub = self.hub.try_borrow().ok()?;
        hub.shared.author_of(id.as_str()).map(str::to_string)
    }

    /// Where the page has a NIP-07 signer and the thread has moderators:
    /// asks it for its key once, and if that is a moderator's, the reader
    /// moderates (the extension then signs everything, as it would on the
    /// first post). Readers without one are never asked.
    pub(super) fn find_moderator(&self) {
        let asks = self.hub.try_borrow().is_ok_and(|hub| !hub.shared.moderators().is_empty());
        if !asks || !identity::has_extension() {
            return;
        }
        let weak = Rc::downgrade(&self.hub);
        spawn_local(async move {
            let Some(key) = identity::extension_key().await else { return };
            let Some(hub) = weak.upgrade() else { return };
            let Ok(mut hub) = hub.try_borrow_mut() else { return };
            if hub.shared.is_moderator(&key) {
                hub.signer = Some(Signer::Extension(key));
                hub.show();
            }
        });
    }
}

impl Hub {
    /// The reader's key, if it is a moderator's.
    pub(super) fn moderator(&self) -> Option<Signer> {
        self.signer.clone().filter(|signer| self.shared.is_moderator(&signer.pubkey()))
    }

    /// Publishes the moderator's next mute list, or says why not. Refused
    /// without a current list: relays that have not all answered yet (or
    /// none reachable), or none that has one.
    pub(super) fn moderate(&mut self, target: Target, hidden: bool, hub: &Rc<RefCell<Hub>>) {
        let Some(signer) = self.moderator() else { return };
        let current = self.shared.mute_list_of(&signer.pubkey());
        let next = match current {
            _ if !self.answered() => Err(Refusal::NotLoaded),
            None => Err(Refusal::NoList),
            Some(current) => Ok(changed_list(current, &target, hidden, now_s())),
        };
        self.publish_list(signer, next, hub);
    }

    /// Publishes the moderator's set of approved authors with `author`
    /// added. Agora's own set, which no other app keeps entries in: where
    /// the relays answered and have none, a new one is started.
    pub(super) fn approve(&mut self, author: String, hub: &Rc<RefCell<Hub>>) {
        let Some(signer) = self.moderator() else { return };
        let pubkey = signer.pubkey();
        let next = match self.answered() {
            false => Err(Refusal::NotLoaded),
            true => Ok(approved_set(&pubkey, self.shared.approvals_of(&pubkey), &author, now_s())),
        };
        self.publish_list(signer, next, hub);
    }

    /// Whether the relays have answered all they hold (so the moderator's
    /// newest lists are known), and one of them can be reached now.
    fn answered(&self) -> bool {
        self.complete && self.connections.iter().any(|c| c.is_open())
    }

    /// Signs and sends a moderator's next list, and shows it at once; or
    /// says why nothing was published.
    fn publish_list(&mut self, signer: Signer, next: Result<Unsigned, Refusal>, hub: &Rc<RefCell<Hub>>) {
        let unsigned = match next {
            Ok(unsigned) => unsigned,
            Err(refusal) => {
                self.status.refusal.set(Some(refusal));
                return;
            }
        };
        self.status.refusal.set(None);
        let weak = Rc::downgrade(hub);
        spawn_local(async move {
            let event = signer.sign(unsigned).await;
            let Some(hub) = weak.upgrade() else { return };
            let Ok(mut hub) = hub.try_borrow_mut() else { return };
            let Some(event) = event else {
                hub.status.refusal.set(Some(Refusal::Declined));
                return;
            };
            hub.shared.insert(event.clone(), now_s());
            for connection in &mut hub.connections {
                connection.send_event(&event);
            }
            hub.show();
        });
    }

    /// What the views show of moderation, after the thread's view changed:
    /// whether the reader moderates, their current list, and what the
    /// moderators' lists hide (`hidden`, from the shared view).
    pub(super) fn update_moderation(&self, hidden: Vec<CommentId>, pending: Vec<CommentId>) {
        let signer = self.moderator();
        let list = signer.as_ref().and_then(|signer| self.shared.mute_list_of(&signer.pubkey()).cloned());
        let status = self.status;
        let _ = status.moderator.try_update(|m| *m = signer.is_some());
        let _ = status.my_list.try_update(|current| {
            if *current != list {
                *current = list;
            }
        });
        let _ = status.hidden.try_update(|current| {
            if *current != hidden {
                *current = hidden;
            }
        });
        let _ = status.pending.try_update(|current| {
            if *current != pending {
                *current = pending;
            }
        });
    }
}
