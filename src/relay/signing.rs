//! Signing what the outbox holds, one event at a time, oldest comment first:
//! the reader's key (made on the first post) or their NIP-07 extension signs,
//! proof of work is mined in slices that leave the page responsive, and a
//! signed event is stored before it is sent.

use super::identity::Signer;
use super::{Hub, POW_BATCH, POW_SLICE_MS, now_s, wait};
use crate::browser::now_ms;
use crate::model::nostr::build::{self, ReplyTo};
use crate::model::nostr::event::COMMENT;
use crate::model::nostr::outbox::{OutboxEntry, OutboxSlot};
use crate::model::nostr::{Event, Unsigned, pow};
use crate::model::{Comment, Origin};
use std::cell::RefCell;
use std::rc::Weak;

/// What one of the reader's comments answers, as far as relays can know.
pub(super) enum Parentage {
    Ready(ReplyTo),
    /// Its parent, the reader's own, is not signed yet.
    Wait,
    /// Its parent stays in this browser (posted before the thread was
    /// shared), so the reply does too.
    LocalOnly,
}

pub(super) async fn sign_loop(weak: &Weak<RefCell<Hub>>) {
    loop {
        // What to sign next, with whom; nothing to sign: no key is made (a
        // reader gets one with their first post).
        let Some(Some((stopped, signer, store))) =
            with_hub(weak, |hub| hub.pending().next().map(|_| (hub.stopped, hub.signer.clone(), hub.store.clone())))
        else {
            return;
        };
        if stopped {
            return;
        }
        let signer = match signer {
            Some(signer) => signer,
            None => {
                let Some(signer) = Signer::get(&store).await else { return };
                if with_hub(weak, |hub| hub.signer = Some(signer.clone())).is_none() {
                    return;
                }
                signer
            }
        };
        let Some(Some((slot, revision, mut unsigned))) = with_hub(weak, |hub| hub.next_unsigned(&signer)) else {
            return;
        };
        let target = with_hub(weak, |hub| hub.pow).unwrap_or(0);
        if target > 0 {
            let mut nonce = 0;
            loop {
                let started = now_ms();
                let mut found = false;
                while !found && now_ms() - started < POW_SLICE_MS {
                    found = pow::mine(&mut unsigned, target, &mut nonce, POW_BATCH);
                }
                if found {
                    break;
                }
                wait::sleep(0).await;
                if with_hub(weak, |hub| hub.stopped).is_none_or(|stopped| stopped) {
                    return;
                }
            }
        }
        // Declined in the extension: it waits, and is asked again next visit.
        let Some(event) = signer.sign(unsigned).await else { return };
        if with_hub(weak, |hub| hub.signed(&slot, revision, event)).is_none() {
            return;
        }
    }
}

/// Runs `f` on the hub unless it is gone (the widget was removed) or, which
/// no caller allows between two awaits, borrowed.
fn with_hub<R>(weak: &Weak<RefCell<Hub>>, f: impl FnOnce(&mut Hub) -> R) -> Option<R> {
    let hub = weak.upgrade()?;
    let mut hub = hub.try_borrow_mut().ok()?;
    Some(f(&mut hub))
}

impl Hub {
    /// The next entry to sign, as an event, with the entry's revision:
    /// oldest comment first (a reply's parent is signed before it). Entries
    /// that lost their reason (a comment gone meanwhile, a reply to a comment
    /// that stays in this browser, a profile with an extension) are dropped.
    pub(super) fn next_unsigned(&mut self, signer: &Signer) -> Option<(OutboxSlot, u64, Unsigned)> {
        let pubkey = signer.pubkey();
        let url = self.shared.url().to_string();
        let pending: Vec<OutboxSlot> = self.pending().cloned().collect();
        let mut order: Vec<(f64, OutboxSlot)> = pending
            .into_iter()
            .map(|slot| {
                let at = match &slot {
                    OutboxSlot::Comment(id) => {
                        self.arrivals.with_thread(|t| t.get(id).and_then(|c| c.posted_at())).flatten()
                    }
                    _ => None,
                };
                (at.unwrap_or(f64::MAX), slot)
            })
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (_, slot) in order {
            // Dated when queued, so that two tabs signing one entry make one event.
            let at = self.entry(&slot).and_then(|e| e.at).unwrap_or_else(now_s);
            let unsigned = match &slot {
                OutboxSlot::Comment(id) => {
                    let comment = self.arrivals.with_thread(|t| t.get(id).cloned()).flatten().filter(|c| c.is_own());
                    match comment.map(|comment| (self.reply_to(&comment), comment)) {
                        Some((Parentage::Ready(reply_to), comment)) => {
                            // Dated when it was written (or last edited), not when it
                            // could be sent: a comment that waited offline keeps its
                            // place in every reader's thread.
                            let written = comment.edited_at.or(comment.posted_at()).map(|ms| (ms / 1000.0) as u64);
                            Some(build::comment(&pubkey, written.unwrap_or(at), &url, comment.text(), &reply_to))
                        }
                        Some((Parentage::Wait, _)) => continue,
                        Some((Parentage::LocalOnly, _)) | None => None,
                    }
                }
                // A like of a comment whose event is not signed yet waits for it.
                OutboxSlot::Like(id) => match self.target(id) {
                    Some(target) => Some(build::like(&pubkey, at, &target)),
                    None => continue,
                },
                OutboxSlot::Deletion(event) => {
                    let kind = self.entry(&slot).and_then(|e| e.kind).unwrap_or(COMMENT);
                    Some(build::deletion(&pubkey, at, &[(event.clone(), kind)]))
                }
                // A reader with an extension has a profile of their own, which a
                // name-only one would replace.
                OutboxSlot::Profile => {
                    let name = self.arrivals.reader_name();
                    let local = matches!(signer, Signer::Local(_));
                    (local && !name.trim().is_empty()).then(|| build::profile(&pubkey, at, name.trim()))
                }
            };
            match unsigned {
                Some(unsigned) => {
                    let revision = self.revisions.get(&slot).copied().unwrap_or(0);
                    return Some((slot, revision, unsigned));
                }
                None => {
                    self.outbox.retain(|(s, _)| *s != slot);
                    self.store.remove_outbox(&slot);
                }
            }
        }
        None
    }

    /// What a comment answers on relays.
    pub(super) fn reply_to(&self, comment: &Comment) -> Parentage {
        let Some(parent) = &comment.parent else { return Parentage::Ready(ReplyTo::Page) };
        if let Some(target) = self.target(parent) {
            return Parentage::Ready(ReplyTo::Event(target));
        }
        let origin = self.arrivals.with_thread(|t| t.get(parent).map(|c| (c.origin, c.deleted))).flatten();
        match origin {
            Some((Origin::Seed { .. }, _)) => Parentage::Ready(ReplyTo::Item(parent.to_string())),
            // The reader's own parent: waiting to be signed, or never shared.
            Some((Origin::Own { .. }, false)) if self.entry(&OutboxSlot::Comment(parent.clone())).is_some() => {
                Parentage::Wait
            }
            Some((Origin::Own { .. }, false)) => Parentage::LocalOnly,
            // Gone, deleted, or unknown on relays: the reply stands on its own.
            _ => Parentage::Ready(ReplyTo::Page),
        }
    }

    /// An entry was signed: keep it, send it, and publish the name it was
    /// posted under if that changed. A signature for an entry that was
    /// replaced meanwhile (edited while signing) is thrown away; one that
    /// cannot be kept in storage is not sent (after a reload it would be
    /// someone else's comment), and waits for a later visit.
    pub(super) fn signed(&mut self, slot: &OutboxSlot, revision: u64, event: Event) {
        let current = self.revisions.get(slot).copied().unwrap_or(0) == revision;
        let Some((_, entry)) = self.outbox.iter_mut().find(|(s, _)| s == slot) else { return };
        if !current || entry.event.is_some() {
            return;
        }
        entry.event = Some(event.clone());
        if self.store.put_outbox(slot, entry).is_err() {
            entry.event = None;
            self.elsewhere.insert(slot.clone());
            self.update_deliveries();
            return;
        }
        for connection in &mut self.connections {
            connection.send_event(&event);
        }
        if matches!(slot, OutboxSlot::Comment(_)) && matches!(self.signer, Some(Signer::Local(_))) {
            let name = self.arrivals.reader_name();
            let published = self.entry(&OutboxSlot::Profile).and_then(|e| e.event.as_ref()).map(|e| e.content.clone());
            let wanted = build::profile("", 0, name.trim()).content;
            if published.as_deref() != Some(wanted.as_str()) && !name.trim().is_empty() {
                self.queue(OutboxSlot::Profile, OutboxEntry::queued(now_s()));
            }
        }
        self.update_deliveries();
    }
}
