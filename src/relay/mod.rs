//! The shared discussion on Nostr relays: the only code that opens network
//! connections. Local storage stays the source of truth and the outbox: a
//! reader's comment is complete once stored; sending it is a background job
//! that survives being offline and reloads, and whose state the reader sees
//! on the comment. What relays return is untrusted: every event is verified,
//! bounded and merged by the model (`model::nostr::shared`) exactly like
//! another tab's change.
//!
//! Compiled only into the `relays` build (`agora-relays`), which pages with
//! relays load instead of the usual one; the usual build has `off.rs` in its
//! place, with the same interface (`crate::lib` chooses). Here: the hub, the
//! reader's actions and the outbox; `signing` signs and sends, `reading`
//! takes what relays say, `subscriptions` decides what to ask them (every
//! page of the thread, and what is new), `connection` is one WebSocket,
//! `info` a relay's published limits, `identity` the reader's key, `views`
//! what the reader sees of all this.

mod connection;
mod identity;
mod info;
mod moderating;
mod reading;
mod signing;
mod subscriptions;
pub mod views;
mod wait;

use crate::discussion::Arrivals;
use crate::model::Import;
use crate::model::nostr::build::Parent;
use crate::model::nostr::moderation::{Refusal, Target};
use crate::model::nostr::outbox::{Delivery, OutboxEntry, OutboxSlot, delivery};
use crate::model::nostr::scope::canonical_url;
use crate::model::nostr::settings::{SettingProblem, Sharing, SharingSettings};
use crate::model::nostr::{Event, Own, Shared};
use crate::model::storage::export::Identity;
use crate::model::{CommentId, Origin};
use crate::store::Store;
use connection::Connection;
use identity::Signer;
use leptos::prelude::*;
use leptos::task::spawn_local;
use signing::sign_loop;
use std::cell::RefCell;
use subscriptions::Followed;
// std's hasher, not the FxHash of the rest of the model: these keys are
// chosen by relays, and colliding FxHash keys are easy to make.
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Whether this build has a relay layer (the usual build's `off.rs` says no).
pub const IN_THIS_BUILD: bool = true;

/// Pause before what relays sent is shown: a flood becomes a few updates.
const VIEW_DELAY_MS: i32 = 120;
/// The same while relays are still sending older pages: each update of a
/// long thread costs tens of milliseconds, so fewer of them while it loads.
const LOADING_VIEW_DELAY_MS: i32 = 400;
/// The longest a slice of proof of work runs before the page gets a turn,
/// and how many nonces are tried between two looks at the clock (a few
/// milliseconds' worth), so that no task nears 50 ms.
const POW_SLICE_MS: f64 = 25.0;
const POW_BATCH: u64 = 100;

/// The thread's shared identity: the article's `url` (or the host's), else
/// the page's `<link rel="canonical">`, else the page's address, in its
/// canonical spelling (`scope::canonical_url`: lower-case scheme and host,
/// no default port, query, fragment or trailing slash).
fn thread_url(sharing: &Sharing) -> String {
    let document = web_sys::window().and_then(|w| w.document());
    let canonical = document
        .as_ref()
        .and_then(|d| d.query_selector("link[rel~=canonical][href]").ok().flatten())
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href());
    let page = web_sys::window().and_then(|w| w.location().href().ok());
    let given = sharing.url.clone().or(canonical).or(page).unwrap_or_default();
    let normal = web_sys::Url::new(&given).map(|u| u.href()).unwrap_or(given);
    canonical_url(&normal)
}

/// Seconds since the Unix epoch, as events are dated.
fn now_s() -> u64 {
    (crate::browser::now_ms() / 1000.0) as u64
}

/// Where a discussion keeps its relay layer once it is started: a handle
/// that components may hold in views (`Copy`, and inert once the widget is
/// gone).
#[derive(Clone, Copy)]
pub struct Slot {
    relays: StoredValue<Option<Relays>, LocalStorage>,
    /// A shared thread written ahead of time as HTML (`crate::prerender`):
    /// shown as shared, what its relays held written in, no relay layer.
    #[cfg(not(target_arch = "wasm32"))]
    written_ahead: StoredValue<bool>,
}

impl Slot {
    pub fn new() -> Slot {
        Slot {
            relays: StoredValue::new_local(None),
            #[cfg(not(target_arch = "wasm32"))]
            written_ahead: StoredValue::new(false),
        }
    }

    /// The relay layer, while the thread is shared (and the widget there).
    pub fn get(&self) -> Option<Relays> {
        self.relays.try_with_value(Option::clone).flatten()
    }

    pub fn set(&self, relays: Relays) {
        let _ = self.relays.try_update_value(|slot| *slot = Some(relays));
    }

    /// The thread is shared, and written ahead of time (`crate::prerender`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn set_written_ahead(&self) {
        self.written_ahead.set_value(true);
    }

    /// Whether the thread is shared (the relay layer started).
    fn is_shared(&self) -> bool {
        #[cfg(not(target_arch = "wasm32"))]
        if self.written_ahead.get_value() {
            return true;
        }
        self.relays.try_with_value(Option::is_some).unwrap_or(false)
    }

    /// What the views show of the relay layer, while there is one.
    fn status(&self) -> Option<Status> {
        self.relays.try_with_value(|relays| relays.as_ref().map(|relays| relays.status)).flatten()
    }
}

/// The relay layer of one discussion. Dropping the last clone does not stop
/// it; [`Relays::stop`] does (on unmount).
#[derive(Clone)]
pub struct Relays {
    hub: Rc<RefCell<Hub>>,
    status: Status,
}

/// A reader's action (or the widget's end), as the hub takes it.
enum Act {
    Posted(CommentId),
    /// Brought back by Undo.
    Restored(CommentId),
    Edited(CommentId),
    Deleted(CommentId),
    Liked(CommentId, bool),
    /// Another tab or widget changed an outbox entry (`None`: removed).
    Outbox(OutboxSlot, Option<OutboxEntry>),
    /// An import brought the reader's identity.
    Adopt(Identity),
    /// A moderator hides (or unhides) a comment or an author.
    Moderate(Target, bool),
    /// A moderator approves an author (approval first).
    Approve(String),
    Stop,
}

/// What the reader sees of the relay layer's work, as signals the views
/// read (`views`); only the hub writes them.
#[derive(Clone, Copy)]
struct Status {
    /// How far each of the reader's comments got on its way to relays.
    delivery: RwSignal<Vec<(CommentId, Delivery)>>,
    /// Whether relays are still sending older comments of the thread.
    loading_older: RwSignal<bool>,
    /// Until the first time every relay has sent the thread and what it
    /// asked for next (likes, deletions, names): the thread is not yet as a
    /// reader will see it (`aria-busy`; `embed.js` waits for it before it
    /// replaces a prerendered copy). Once false, it stays false.
    busy: RwSignal<bool>,
    /// Whether the reader's key is one of the thread's moderators.
    moderator: RwSignal<bool>,
    /// The moderator's newest mute list, as the relays sent it.
    my_list: RwSignal<Option<Event>>,
    /// Comments the moderators' lists hide (shown to a moderator only).
    hidden: RwSignal<Vec<CommentId>>,
    /// Comments by authors not approved yet (shown to a moderator only).
    pending: RwSignal<Vec<CommentId>>,
    /// Why the moderator's last change was not made.
    refusal: RwSignal<Option<Refusal>>,
}

impl Status {
    /// How far the reader's comment `id` got on its way to relays (tracked).
    fn delivery_of(&self, id: &CommentId) -> Option<Delivery> {
        self.delivery.with(|all| all.iter().find(|(i, _)| i == id).map(|(_, state)| state.clone()))
    }
}

struct Hub {
    /// The discussion's thread to read, and where what relays send goes.
    arrivals: Arrivals,
    store: Store,
    status: Status,
    relays: Vec<String>,
    pow: u32,
    shared: Shared,
    outbox: Vec<(OutboxSlot, OutboxEntry)>,
    /// (event id, relay, reason) of refusals heard during this visit.
    refusals: Vec<(String, String, String)>,
    signer: Option<Signer>,
    connections: Vec<Connection>,
    /// When this visit began (seconds): live subscriptions start from it.
    started_s: u64,
    /// The live subscriptions as last sent (id, filters), sent again on
    /// every reconnection.
    live: Vec<(String, String)>,
    /// Events and authors whose likes, deletions and names are asked for.
    followed_ids: Followed,
    followed_authors: Followed,
    /// Whether every relay has sent all it holds of the thread.
    complete: bool,
    /// Entries that another tab or widget of the reader queued (theirs to
    /// sign, so that no event is signed twice), or that could not be kept
    /// in storage (signed again on a later visit).
    elsewhere: HashSet<OutboxSlot>,
    /// Each slot's revision: a signature finished for an entry that has
    /// since been replaced (an edit while signing) is thrown away.
    revisions: HashMap<OutboxSlot, u64>,
    next_revision: u64,
    /// The reader's comments retracted during this visit: Undo may share
    /// them again (others, posted before the thread was shared, stay local).
    retracted_comments: HashSet<CommentId>,
    /// Messages received and not read yet (relay, its connection's
    /// generation, the text), read in slices (`reading::receive`).
    inbox: std::collections::VecDeque<(usize, u32, connection::Received)>,
    inbox_bytes: usize,
    reading: bool,
    view_pending: bool,
    subscribe_pending: bool,
    signing: bool,
    stopped: bool,
}

impl Relays {
    /// Starts sharing a discussion on the relays its settings name (the
    /// host's `host` over the article's): connects to every relay,
    /// subscribes to the thread, and sends what the outbox holds (`stored`:
    /// slot names and values). `None` where no relay is named; with what is
    /// wrong with the settings either way.
    pub fn start(
        arrivals: Arrivals,
        store: &Store,
        host: SharingSettings,
        article: SharingSettings,
        stored: &[(String, String)],
    ) -> (Option<Relays>, Vec<SettingProblem>) {
        let (sharing, problems) = host.resolve(article);
        if sharing.relays.is_empty() {
            return (None, problems);
        }
        let status = Status {
            delivery: RwSignal::new(Vec::new()),
            loading_older: RwSignal::new(true),
            busy: RwSignal::new(true),
            moderator: RwSignal::new(false),
            my_list: RwSignal::new(None),
            hidden: RwSignal::new(Vec::new()),
            pending: RwSignal::new(Vec::new()),
            refusal: RwSignal::new(None),
        };
        let mut hub = Hub {
            arrivals,
            store: store.clone(),
            status,
            relays: sharing.relays.clone(),
            pow: sharing.pow,
            shared: {
                let shared = Shared::new(&thread_url(&sharing), &sharing.moderators);
                if sharing.approve { shared.approving() } else { shared }
            },
            outbox: crate::model::storage::load::outbox_entries(stored),
            refusals: Vec::new(),
            signer: Signer::kept(store),
            connections: sharing.relays.iter().map(|url| Connection::new(url)).collect(),
            started_s: now_s(),
            live: Vec::new(),
            followed_ids: Followed::default(),
            followed_authors: Followed::default(),
            complete: false,
            elsewhere: HashSet::new(),
            revisions: HashMap::new(),
            next_revision: 0,
            retracted_comments: HashSet::new(),
            inbox: std::collections::VecDeque::new(),
            inbox_bytes: 0,
            reading: false,
            view_pending: false,
            subscribe_pending: false,
            signing: false,
            stopped: false,
        };
        hub.plan();
        // Versions the reader retracted stay hidden, also while the
        // deletion request waits to be sent.
        hub.shared.retract_outbox(&hub.outbox);
        let hub = Rc::new(RefCell::new(hub));
        for index in 0..sharing.relays.len() {
            connection::connect(&hub, index);
        }
        let relays = Relays { hub, status };
        relays.sign_pending();
        relays.find_moderator();
        (Some(relays), problems)
    }

    /// Closes every connection and stops every retry (the widget is gone).
    pub fn stop(&self) {
        self.act(Act::Stop);
    }

    /// The reader posted a comment or reply.
    pub fn posted(&self, id: &CommentId) {
        self.act(Act::Posted(id.clone()));
    }

    /// The reader brought a deleted comment back (Undo): shared again if it
    /// was shared before.
    pub fn restored(&self, id: &CommentId) {
        self.act(Act::Restored(id.clone()));
    }

    /// The reader edited a comment: relays cannot change an event, so the
    /// first version is deleted and the edited one sent as a new comment. A
    /// comment posted before the thread was shared stays in this browser.
    pub fn edited(&self, id: &CommentId) {
        self.act(Act::Edited(id.clone()));
    }

    /// The reader deleted a comment: a deletion request goes to the relays.
    pub fn deleted(&self, id: &CommentId) {
        self.act(Act::Deleted(id.clone()));
    }

    /// The reader liked or unliked a comment.
    pub fn liked(&self, id: &CommentId, liked: bool) {
        self.act(Act::Liked(id.clone(), liked));
    }

    /// Another tab or widget of this thread changed an outbox entry (its
    /// slot's name and stored value): this one takes it as it is, so that it
    /// knows the event as the reader's own and neither signs nor sends the
    /// same comment as a second event.
    pub fn heard_outbox(&self, name: &str, raw: Option<&str>) {
        let Some(slot) = OutboxSlot::parse(name) else { return };
        let entry = raw.and_then(|raw| serde_json::from_str::<OutboxEntry>(raw).ok());
        self.act(Act::Outbox(slot, entry));
    }

    /// After an import: a key from another browser becomes this one's,
    /// unless it has its own; the events of the imported comments (checked
    /// by the import) become this reader's, so that their copies on relays
    /// are not shown beside them as someone else's.
    pub fn adopt_identity(&self, import: &Import) {
        if let Some(identity) = &import.nostr {
            self.act(Act::Adopt(identity.clone()));
        }
    }

    /// The reader's signing key and the events of their comments, for an
    /// export with their identity (`None` before they have a key).
    pub fn identity(&self) -> Option<Identity> {
        let hub = self.hub.try_borrow().ok()?;
        let key = hub.store.nostr_key()?;
        let events = hub
            .outbox
            .iter()
            .filter_map(|(slot, entry)| match (slot, &entry.event) {
                (OutboxSlot::Comment(id), Some(event)) => Some((id.to_string(), event.clone())),
                _ => None,
            })
            .collect();
        Some(Identity { key, events })
    }

    /// Runs a reader's action on the hub, then signs what it queued. The
    /// hub is borrowed only for the length of a call that does not call
    /// back into the page, so an action never finds it busy; if one ever
    /// did, it would run on the next turn rather than be lost.
    fn act(&self, act: Act) {
        match self.hub.try_borrow_mut() {
            Ok(mut hub) => {
                hub.take(act, &self.hub);
                drop(hub);
                self.sign_pending();
            }
            Err(_) => {
                let relays = self.clone();
                spawn_local(async move { relays.act(act) });
            }
        }
    }

    /// After a reader's action: their comments' states change at once, and
    /// whatever waits in the outbox is signed (and mined, where the site asks
    /// for proof of work), oldest first, one event at a time, then sent.
    fn sign_pending(&self) {
        let Ok(mut state) = self.hub.try_borrow_mut() else { return };
        state.update_deliveries();
        if std::mem::replace(&mut state.signing, true) {
            return;
        }
        drop(state);
        let weak = Rc::downgrade(&self.hub);
        spawn_local(async move {
            sign_loop(&weak).await;
            if let Some(hub) = weak.upgrade()
                && let Ok(mut hub) = hub.try_borrow_mut()
            {
                hub.signing = false;
            }
        });
    }
}

impl Hub {
    /// What a reader's action changes in the outbox and the shared view.
    fn take(&mut self, act: Act, hub: &Rc<RefCell<Hub>>) {
        match act {
            Act::Posted(id) => self.queue(OutboxSlot::Comment(id), OutboxEntry::queued(now_s())),
            Act::Restored(id) => {
                if self.retracted_comments.remove(&id) {
                    self.queue(OutboxSlot::Comment(id), OutboxEntry::queued(now_s()));
                }
            }
            Act::Edited(id) => {
                let slot = OutboxSlot::Comment(id);
                if self.entry(&slot).is_some() {
                    self.retract(&slot);
                    self.queue(slot, OutboxEntry::queued(now_s()));
                }
            }
            Act::Deleted(id) => self.retract(&OutboxSlot::Comment(id)),
            Act::Liked(id, liked) => {
                let slot = OutboxSlot::Like(id.clone());
                if !liked {
                    self.retract(&slot);
                } else if self.target(&id).is_some() {
                    self.queue(slot, OutboxEntry::queued(now_s()));
                }
            }
            Act::Outbox(slot, entry) => {
                match entry {
                    Some(entry) => {
                        if entry.event.is_none() {
                            self.elsewhere.insert(slot.clone());
                        } else {
                            self.elsewhere.remove(&slot);
                        }
                        if let OutboxSlot::Deletion(id) = &slot {
                            self.shared.retracted(id);
                        }
                        match self.outbox.iter_mut().find(|(s, _)| *s == slot) {
                            Some(existing) => existing.1 = entry,
                            None => self.outbox.push((slot, entry)),
                        }
                    }
                    None => {
                        self.elsewhere.remove(&slot);
                        self.outbox.retain(|(s, _)| *s != slot);
                    }
                }
                self.schedule_view(hub);
            }
            Act::Adopt(identity) => {
                let key = self.store.nostr_key();
                if key.is_none() {
                    let _ = self.store.set_nostr_key(&identity.key);
                }
                if key.is_some() && key.as_deref() != Some(identity.key.as_str()) {
                    return;
                }
                // The key signs from now on (where the page has no signer
                // extension): a moderator's key moderates at once.
                if self.signer.is_none() {
                    self.signer = Signer::kept(&self.store);
                }
                // Kept in the outbox and sent to the relays that do not have
                // them yet (one that has answers "duplicate", which counts).
                for (id, event) in &identity.events {
                    let Some(id) = CommentId::parse(id) else { continue };
                    let slot = OutboxSlot::Comment(id);
                    if self.entry(&slot).is_some() {
                        continue;
                    }
                    let entry = OutboxEntry { event: Some(event.clone()), ..OutboxEntry::default() };
                    self.queue(slot, entry);
                    for connection in &mut self.connections {
                        connection.send_event(event);
                    }
                }
                self.schedule_view(hub);
            }
            Act::Moderate(target, hidden) => self.moderate(target, hidden, hub),
            Act::Approve(author) => self.approve(author, hub),
            Act::Stop => {
                self.stopped = true;
                self.connections.iter_mut().for_each(Connection::close);
            }
        }
    }

    /// Keeps an outbox entry (replacing the slot's), in storage and here. The
    /// comments' states are brought up to date once per action, by the caller.
    fn queue(&mut self, slot: OutboxSlot, entry: OutboxEntry) {
        let _ = self.store.put_outbox(&slot, &entry);
        self.elsewhere.remove(&slot);
        self.next_revision += 1;
        self.revisions.insert(slot.clone(), self.next_revision);
        match self.outbox.iter_mut().find(|(s, _)| *s == slot) {
            Some(existing) => existing.1 = entry,
            None => self.outbox.push((slot, entry)),
        }
    }

    /// Removes a slot's entry; what relays already have of it is asked to
    /// be deleted.
    fn retract(&mut self, slot: &OutboxSlot) {
        let Some(at) = self.outbox.iter().position(|(s, _)| s == slot) else { return };
        let (_, entry) = self.outbox.remove(at);
        self.store.remove_outbox(slot);
        self.revisions.remove(slot);
        if let OutboxSlot::Comment(id) = slot {
            self.retracted_comments.insert(id.clone());
        }
        if let Some(event) = entry.event {
            self.shared.retracted(&event.id);
            let of = match slot {
                OutboxSlot::Comment(id) => Some(id.to_string()),
                _ => None,
            };
            let deletion = OutboxEntry { kind: Some(event.kind), of, ..OutboxEntry::queued(now_s()) };
            self.queue(OutboxSlot::Deletion(event.id), deletion);
        }
    }

    /// The entries this widget has to sign: not signed yet, and not queued
    /// by another tab or widget of the reader.
    fn pending(&self) -> impl Iterator<Item = &OutboxSlot> {
        self.outbox
            .iter()
            .filter(|(slot, entry)| entry.event.is_none() && !self.elsewhere.contains(slot))
            .map(|(slot, _)| slot)
    }

    fn entry(&self, slot: &OutboxSlot) -> Option<&OutboxEntry> {
        self.outbox.iter().find(|(s, _)| s == slot).map(|(_, e)| e)
    }

    /// The event of a comment on relays: another reader's (its id and key)
    /// or the reader's own, once signed.
    fn target(&self, id: &CommentId) -> Option<Parent> {
        let origin = self.arrivals.with_thread(|t| t.get(id).map(|c| c.origin)).flatten()?;
        match origin {
            Origin::Shared { .. } => {
                let pubkey = self.shared.author_of(id.as_str())?.to_string();
                Some(Parent { id: id.to_string(), pubkey, relay: String::new() })
            }
            Origin::Own { .. } => {
                let event = self.entry(&OutboxSlot::Comment(id.clone()))?.event.as_ref()?;
                Some(Parent { id: event.id.clone(), pubkey: event.pubkey.clone(), relay: String::new() })
            }
            Origin::Seed { .. } => None,
        }
    }

    /// What the reader has on relays, for the shared view: every version of
    /// their comments (the current one, and those retracted by an edit) and
    /// their likes.
    fn own(&self) -> Own {
        Own::from_outbox(self.signer.as_ref().map(Signer::pubkey), &self.outbox)
    }

    /// The status of each of the reader's comments.
    fn update_deliveries(&mut self) {
        let own = self
            .arrivals
            .with_thread(|t| t.posted().iter().filter(|c| c.is_own()).map(|c| c.id.clone()).collect::<Vec<_>>())
            .unwrap_or_default();
        let reader = self.own();
        let (hidden, pending) = (self.shared.hidden_own(&reader), self.shared.own_pending(&reader));
        let deliveries: Vec<(CommentId, Delivery)> = own
            .into_iter()
            .map(|id| {
                let entry = self.entry(&OutboxSlot::Comment(id.clone()));
                let event_id = entry.and_then(|e| e.event.as_ref()).map(|e| e.id.clone());
                let refusals: Vec<(String, String)> = self
                    .refusals
                    .iter()
                    .filter(|(event, _, _)| Some(event) == event_id.as_ref())
                    .map(|(_, relay, reason)| (relay.clone(), reason.clone()))
                    .collect();
                let state = match delivery(entry, &self.relays, &refusals) {
                    _ if hidden.contains(&id) => Delivery::Hidden,
                    Delivery::Sent { .. } if pending => Delivery::Pending,
                    state => state,
                };
                (id, state)
            })
            .collect();
        let _ = self.status.delivery.try_update(|current| {
            if *current != deliveries {
                *current = deliveries;
            }
        });
    }
}
