//! What the relays say about one thread, merged: the comments in its scope,
//! the likes, the deletion requests and the moderators' mute lists. Every
//! event here has been verified ([`super::Event::verified`]); this decides
//! what it means, bounds how much is kept, and turns it into comments the
//! thread shows, by the same posting rules as the reader's own.

use super::build::ITEM_FRAGMENT;
use super::event::{COMMENT, DELETION, Event, FOLLOW_SET, MUTE_LIST, PROFILE, REACTION};
use super::keys::is_hex;
use super::moderation::APPROVED;
use super::outbox::{OutboxEntry, OutboxSlot};
use super::scope::{item_on_page, same_page};
use crate::model::thread::comment::{Comment, CommentId};
use crate::model::writing::validate::{Body, NAME_LIMITS, Name, Valid};
use std::cmp::Reverse;
// std's hasher, not the FxHash of the rest of the model: these keys are
// chosen by relays, and colliding FxHash keys are easy to make.
use std::collections::{HashMap, HashSet};

/// The most events kept for one thread. A relay that floods more is
/// ignored beyond it (the page stays responsive; what came first stays).
pub const MAX_EVENTS: usize = 20_000;
/// The most bytes of kept events' content and tags, so that memory stays
/// bounded whatever the events carry (20,000 events of 64 KB would be 1.3 GB).
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// The most event ids looked at, kept or not: past it nothing more is taken.
pub const MAX_SEEN: usize = 4 * MAX_EVENTS;
/// Tags an event may carry and be kept (agora's carry five at most); a
/// moderator's mute list and set of approved authors may name many more.
pub const MAX_TAGS: usize = 64;
/// How far ahead of this computer's clock an event may be dated and still be
/// taken (clocks differ); later ones would sit first in every thread.
pub const MAX_FUTURE_S: u64 = 60 * 60;

/// What this browser's reader has published, to tell their own events from
/// others'.
#[derive(Clone, Debug, Default)]
pub struct Own {
    /// The reader's public key, if known yet.
    pub pubkey: Option<String>,
    /// The events of the reader's comments (every version: an edit is a new
    /// event), by the comment's local id.
    pub comments: Vec<(String, CommentId)>,
    /// The reader's like events: their likes are their local ones.
    pub likes: Vec<String>,
}

impl Own {
    /// What the outbox (`outbox::OutboxSlot`, `OutboxEntry`) says the
    /// reader published: every version of their comments (the current one,
    /// and those retracted by an edit) and their likes. `<agora-count>`
    /// (public/count.js) reads the same entries.
    pub fn from_outbox(pubkey: Option<String>, outbox: &[(OutboxSlot, OutboxEntry)]) -> Own {
        let mut own = Own { pubkey, ..Own::default() };
        for (slot, entry) in outbox {
            match (slot, &entry.event) {
                (OutboxSlot::Comment(id), Some(event)) => own.comments.push((event.id.clone(), id.clone())),
                (OutboxSlot::Deletion(event), _) => {
                    if let Some(id) = entry.of.as_deref().and_then(CommentId::parse) {
                        own.comments.push((event.clone(), id));
                    }
                }
                (OutboxSlot::Like(_), Some(event)) => own.likes.push(event.id.clone()),
                _ => {}
            }
        }
        own
    }

    fn local_id(&self, event_id: &str) -> Option<&CommentId> {
        self.comments.iter().find(|(id, _)| id == event_id).map(|(_, local)| local)
    }
}

struct Reaction {
    id: String,
    pubkey: String,
    target: String,
}

/// The shared side of one thread.
pub struct Shared {
    /// The thread's root scope: the article's canonical URL.
    url: String,
    moderators: Vec<String>,
    /// Every event id looked at, so that repeats cost nothing.
    seen: HashSet<String>,
    /// How many events are kept, and the bytes of their content and tags.
    kept: usize,
    bytes: usize,
    comments: Vec<Event>,
    reactions: Vec<Reaction>,
    /// (author, event id): only an event's own author can delete it.
    deletions: HashSet<(String, String)>,
    /// The reader's own events that they asked to delete.
    retracted: HashSet<String>,
    /// The newest profile and mute list of each author (replaceable events).
    profiles: HashMap<String, Event>,
    mutes: HashMap<String, Event>,
    /// Approval first: only authors a moderator approved show to everyone.
    approve: bool,
    /// The newest set of approved authors of each moderator.
    approvals: HashMap<String, Event>,
}

/// What the thread shows of the shared side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Others' comments, in no particular order.
    pub comments: Vec<Comment>,
    /// Likes from other readers' keys, by comment (the reader's own are
    /// their local likes).
    pub likes: Vec<(CommentId, u32)>,
    /// Comments that moderators' lists hide from everyone: shown, marked,
    /// to a moderator only (for everyone else they are left out).
    pub hidden: Vec<CommentId>,
    /// Comments by authors no moderator has approved (approval first):
    /// shown, marked, to a moderator only.
    pub pending: Vec<CommentId>,
}

impl Shared {
    pub fn new(url: &str, moderators: &[String]) -> Shared {
        Shared {
            url: url.into(),
            moderators: moderators.to_vec(),
            seen: HashSet::new(),
            kept: 0,
            bytes: 0,
            comments: Vec::new(),
            reactions: Vec::new(),
            deletions: HashSet::new(),
            retracted: HashSet::new(),
            profiles: HashMap::new(),
            mutes: HashMap::new(),
            approve: false,
            approvals: HashMap::new(),
        }
    }

    /// The same thread, approval first (`moderation="approve"`).
    pub fn approving(mut self) -> Shared {
        self.approve = true;
        self
    }

    /// Whether the thread shows only approved authors to everyone.
    pub fn approves(&self) -> bool {
        self.approve
    }

    /// The newest set of approved authors of `moderator`, if any.
    pub fn approvals_of(&self, moderator: &str) -> Option<&Event> {
        self.approvals.get(moderator)
    }

    /// Whether `author`'s comments show to everyone: without approval
    /// first, always; with it, once a moderator approved them (moderators
    /// are approved).
    pub fn is_approved(&self, author: &str) -> bool {
        self.approved().is_none_or(|keys| keys.contains(author))
    }

    /// The authors whose comments show to everyone, where the thread is
    /// approval first (`None`: everyone's do): the moderators and every key
    /// their newest sets name. Made once per view, not once per comment.
    fn approved(&self) -> Option<HashSet<&str>> {
        self.approve.then(|| {
            let named = self.approvals.values().flat_map(|set| set.tag_values("p"));
            self.moderators.iter().map(String::as_str).chain(named).collect()
        })
    }

    /// The newest mute list of `moderator` that the relays sent, if any.
    pub fn mute_list_of(&self, moderator: &str) -> Option<&Event> {
        self.mutes.get(moderator)
    }

    /// Whether `key` is one of the thread's moderators.
    pub fn is_moderator(&self, key: &str) -> bool {
        self.moderators.iter().any(|m| m == key)
    }

    /// The keys whose mute lists hide comments here.
    pub fn moderators(&self) -> &[String] {
        &self.moderators
    }

    /// The thread's scope: what the `I` tag of its comments holds.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether an event with this id is worth checking at all: not seen
    /// before, and the thread not full. Asked before the (costly) signature
    /// check.
    pub fn wants(&self, id: &str) -> bool {
        self.seen.len() < MAX_SEEN && !self.seen.contains(id)
    }

    /// Takes one verified event (`now_s`: this computer's clock, in
    /// seconds); returns whether what is shown may change. Events of other
    /// kinds and scopes, repeats, events dated too far ahead, with too many
    /// tags or targets that are no event ids, and anything past
    /// [`MAX_EVENTS`] or [`MAX_BYTES`] are ignored.
    pub fn insert(&mut self, event: Event, now_s: u64) -> bool {
        if !self.wants(&event.id) {
            return false;
        }
        self.seen.insert(event.id.clone());
        let size = event.content.len() + event.tags.iter().flatten().map(String::len).sum::<usize>();
        let fits = self.kept < MAX_EVENTS && self.bytes + size <= MAX_BYTES;
        let few_tags = event.tags.len() <= MAX_TAGS || matches!(event.kind, MUTE_LIST | FOLLOW_SET);
        if !fits || !few_tags || event.created_at > now_s.saturating_add(MAX_FUTURE_S) {
            return false;
        }
        let kept = match event.kind {
            COMMENT => {
                let in_scope = event.tag("I").is_some_and(|url| same_page(url, &self.url));
                // Content that breaks the posting rules is not shown: too long, or empty.
                let usable = in_scope && Body::check(&event.content).is_ok();
                if usable {
                    self.comments.push(event);
                }
                usable
            }
            REACTION => match event.tag_values("e").last() {
                Some(target) if is_hex(target, 64) && (event.content == "+" || event.content.is_empty()) => {
                    let target = target.to_string();
                    self.reactions.push(Reaction { id: event.id, pubkey: event.pubkey, target });
                    true
                }
                _ => false,
            },
            DELETION => {
                let targets: Vec<String> =
                    event.tag_values("e").filter(|id| is_hex(id, 64)).map(str::to_string).collect();
                let any = !targets.is_empty();
                for target in targets {
                    self.deletions.insert((event.pubkey.clone(), target));
                }
                any
            }
            PROFILE => keep_newest(&mut self.profiles, event),
            MUTE_LIST if self.moderators.contains(&event.pubkey) => keep_newest(&mut self.mutes, event),
            FOLLOW_SET if self.moderators.contains(&event.pubkey) && event.tag("d") == Some(APPROVED) => {
                keep_newest(&mut self.approvals, event)
            }
            _ => false,
        };
        if kept {
            self.kept += 1;
            self.bytes += size;
        }
        kept
    }

    /// The reader asked for one of their own events to be deleted: it counts
    /// as deleted at once (and after a reload, while the request waits to be
    /// sent), so that the first version of an edited or deleted comment never
    /// shows as someone else's.
    pub fn retracted(&mut self, event_id: &str) {
        self.retracted.insert(event_id.to_string());
    }

    /// Every event the outbox asks to delete counts as deleted (see [`Shared::retracted`]).
    pub fn retract_outbox(&mut self, outbox: &[(OutboxSlot, OutboxEntry)]) {
        for (slot, _) in outbox {
            if let OutboxSlot::Deletion(event_id) = slot {
                self.retracted(event_id);
            }
        }
    }

    /// The name an author posts under: their profile's, checked by the
    /// posting rules, or the start of their key.
    pub fn author_name(&self, pubkey: &str) -> String {
        self.profiles.get(pubkey).and_then(profile_name).unwrap_or_else(|| short_key(pubkey))
    }

    fn deleted(&self, author: &str, id: &str) -> bool {
        // Most threads have no deletion at all: no id is hashed then (a
        // view of 5,000 comments hashes each id several times otherwise).
        let retracted = !self.retracted.is_empty() && self.retracted.contains(id);
        let requested = !self.deletions.is_empty() && self.deletions.contains(&(author.to_string(), id.to_string()));
        retracted || requested
    }

    /// What the thread shows: others' comments (deleted and muted ones left
    /// out, a deleted one that has replies as a placeholder) and everyone
    /// else's likes. Until the thread is `complete` (every relay paged to
    /// its end), a reply whose parent has not arrived waits for it rather
    /// than show at the top level; after, it shows, its parent unavailable.
    pub fn view(&self, own: &Own, complete: bool) -> View {
        let (muted_keys, muted_events) = self.muted();
        let is_muted = |event: &Event| {
            (!muted_keys.is_empty() && muted_keys.contains(&event.pubkey))
                || (!muted_events.is_empty() && muted_events.contains(&event.id))
        };
        // Comments that others answered: deleted, they leave a placeholder
        // (only asked of deleted ones: no set is built without deletions).
        let any_deleted = !self.retracted.is_empty() || !self.deletions.is_empty();
        let answered: HashSet<&str> = if any_deleted {
            self.comments
                .iter()
                .filter(|c| !self.deleted(&c.pubkey, &c.id) && !is_muted(c))
                .filter_map(|c| c.tag_values("e").last())
                .collect()
        } else {
            HashSet::new()
        };
        // While relays are still sending, a reply waits for its parent, and
        // so does a reply to a waiting reply.
        let waiting = if complete { HashSet::new() } else { self.waiting_replies(own) };
        let mut view = View::default();
        let moderating = own.pubkey.as_deref().is_some_and(|key| self.is_moderator(key));
        let approved = self.approved();
        // Each author's name, checked once (a thread has far fewer authors
        // than comments).
        let mut names: HashMap<&str, Option<Name>> = HashMap::new();
        for event in &self.comments {
            // The reader's own show from storage, once.
            if own.local_id(&event.id).is_some() {
                continue;
            }
            let Some(id) = CommentId::parse(&event.id) else { continue };
            let deleted = self.deleted(&event.pubkey, &event.id);
            let muted = is_muted(event);
            let pending = approved.as_ref().is_some_and(|keys| !keys.contains(event.pubkey.as_str()));
            if ((muted || pending) && !moderating) || (deleted && !answered.contains(event.id.as_str())) {
                continue;
            }
            // The parent is the last `e` tag (nostr-tools puts inherited tags
            // first), or an article's comment named as a web item.
            let item = event.tag("i").and_then(|i| item_on_page(i, &self.url, ITEM_FRAGMENT));
            let parent = match event.tag_values("e").last() {
                Some(parent) => {
                    if waiting.contains(event.id.as_str()) {
                        continue;
                    }
                    own.local_id(parent).cloned().or_else(|| CommentId::parse(parent))
                }
                None => item.and_then(CommentId::parse),
            };
            let at_ms = event.created_at as f64 * 1000.0;
            if deleted {
                view.comments.push(Comment::shared_placeholder(id, at_ms, parent));
                continue;
            }
            let name = names
                .entry(event.pubkey.as_str())
                .or_insert_with(|| Name::check(&self.author_name(&event.pubkey)).ok());
            let (Some(author), Ok(text)) = (name.clone(), Body::check(&event.content)) else { continue };
            let comment = Comment::shared(id.clone(), Valid { author, text }, at_ms, parent);
            if muted {
                view.hidden.push(id);
            } else if pending {
                view.pending.push(id);
            }
            view.comments.push(if muted || pending { comment.withheld() } else { comment });
        }
        let mut likers: HashMap<&str, HashSet<&str>> = HashMap::new();
        for reaction in &self.reactions {
            let mine = own.pubkey.as_deref() == Some(reaction.pubkey.as_str()) || own.likes.contains(&reaction.id);
            let muted = !muted_keys.is_empty() && muted_keys.contains(&reaction.pubkey);
            if mine || muted || self.deleted(&reaction.pubkey, &reaction.id) {
                continue;
            }
            likers.entry(reaction.target.as_str()).or_default().insert(reaction.pubkey.as_str());
        }
        for (target, keys) in likers {
            let id = own.local_id(target).cloned().or_else(|| CommentId::parse(target));
            if let Some(id) = id {
                view.likes.push((id, keys.len() as u32));
            }
        }
        view.likes.sort_by(|a, b| a.0.cmp(&b.0));
        view
    }

    /// Whether the reader's comments wait for a moderator's approval before
    /// others see them (approval first, and their key not approved yet).
    pub fn own_pending(&self, own: &Own) -> bool {
        own.pubkey.as_deref().is_some_and(|key| !self.is_approved(key))
    }

    /// The reader's own comments that a moderator's mute list hides from
    /// everyone else (by their current version).
    pub fn hidden_own(&self, own: &Own) -> Vec<CommentId> {
        if self.mutes.is_empty() {
            return Vec::new();
        }
        let (muted_keys, muted_events) = self.muted();
        let key_muted = own.pubkey.as_ref().is_some_and(|key| muted_keys.contains(key));
        own.comments
            .iter()
            .filter(|(event, _)| !self.retracted.contains(event))
            .filter(|(event, _)| key_muted || muted_events.contains(event))
            .map(|(_, local)| local.clone())
            .collect()
    }

    /// The replies whose parent has not arrived (nor is the reader's own),
    /// and the replies below them, however deep (a loop of parents, which
    /// only forged events make, waits for nothing).
    fn waiting_replies(&self, own: &Own) -> HashSet<&str> {
        let known: HashSet<&str> = self.comments.iter().map(|c| c.id.as_str()).collect();
        let parents: HashMap<&str, &str> =
            self.comments.iter().filter_map(|c| Some((c.id.as_str(), c.tag_values("e").last()?))).collect();
        let mut waiting = HashSet::new();
        for start in parents.keys() {
            let mut id = *start;
            // Each step goes one parent up; a chain longer than the thread loops.
            for _ in 0..=parents.len() {
                let Some(parent) = parents.get(id) else { break };
                if own.local_id(parent).is_some() {
                    break;
                }
                if waiting.contains(parent) || !known.contains(parent) {
                    waiting.insert(*start);
                    break;
                }
                id = parent;
            }
        }
        waiting
    }

    /// The comments that replies here answer but that have not arrived
    /// (nor are the reader's own): to be asked for by id.
    pub fn missing_parents(&self, own: &Own) -> Vec<String> {
        let known: HashSet<&str> = self.comments.iter().map(|c| c.id.as_str()).collect();
        let mut missing: Vec<String> = self
            .comments
            .iter()
            .filter_map(|c| c.tag_values("e").last())
            .filter(|parent| is_hex(parent, 64) && !known.contains(parent) && own.local_id(parent).is_none())
            .map(str::to_string)
            .collect();
        missing.sort();
        missing.dedup();
        missing
    }

    /// Whether no more events are taken (the flood bounds are reached).
    pub fn is_full(&self) -> bool {
        self.seen.len() >= MAX_SEEN || self.kept >= MAX_EVENTS
    }

    /// The author (public key) of a comment seen in this thread.
    pub fn author_of(&self, event_id: &str) -> Option<&str> {
        self.comments.iter().find(|c| c.id == event_id).map(|c| c.pubkey.as_str())
    }

    /// The comments and likes, and the authors of comments and likes, seen
    /// so far: what to ask relays about next (the likes and deletion
    /// requests that name these events, the authors' names).
    pub fn known(&self) -> (Vec<String>, Vec<String>) {
        let mut ids: Vec<String> = self.comments.iter().map(|c| c.id.clone()).collect();
        ids.extend(self.reactions.iter().map(|r| r.id.clone()));
        let mut authors: Vec<String> = self.comments.iter().map(|c| c.pubkey.clone()).collect();
        authors.extend(self.reactions.iter().map(|r| r.pubkey.clone()));
        authors.sort();
        authors.dedup();
        (ids, authors)
    }

    /// Keys and events the moderators' newest mute lists name (public tags).
    fn muted(&self) -> (HashSet<String>, HashSet<String>) {
        let mut keys = HashSet::new();
        let mut events = HashSet::new();
        for list in self.mutes.values() {
            keys.extend(list.tag_values("p").map(str::to_string));
            events.extend(list.tag_values("e").map(str::to_string));
        }
        (keys, events)
    }
}

/// Keeps only the newest replaceable event per author (on a tie, the lowest
/// id, as NIP-01 says). Returns whether it was kept.
fn keep_newest(newest: &mut HashMap<String, Event>, event: Event) -> bool {
    let newer = |old: &Event| (event.created_at, Reverse(&event.id)) > (old.created_at, Reverse(&old.id));
    if newest.get(&event.pubkey).is_some_and(|old| !newer(old)) {
        return false;
    }
    newest.insert(event.pubkey.clone(), event);
    true
}

/// The `name` (or `display_name`) of a kind 0 profile, shortened to the
/// name limit and checked by the posting rules.
fn profile_name(event: &Event) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Profile {
        name: Option<String>,
        display_name: Option<String>,
    }
    let profile: Profile = serde_json::from_str(&event.content).ok()?;
    let name = profile.display_name.filter(|n| !n.trim().is_empty()).or(profile.name)?;
    let short: String = name.trim().chars().take(NAME_LIMITS.max).collect();
    Name::check(&short).ok().map(Name::into_string)
}

/// An author without a profile name: the start of their public key.
pub fn short_key(pubkey: &str) -> String {
    format!("{}\u{2026}", pubkey.chars().take(8).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::nostr::build;
    use crate::model::nostr::event::Unsigned;
    use crate::model::nostr::keys::SecretKey;

    const URL: &str = "https://example.org/articles/1";
    /// "Now" for the tests: after every event they make.
    const NOW: u64 = 1_000;

    trait Put {
        fn put(&mut self, event: Event) -> bool;
    }

    impl Put for Shared {
        fn put(&mut self, event: Event) -> bool {
            self.insert(event, NOW)
        }
    }

    fn key(n: u8) -> SecretKey {
        SecretKey::from_bytes(&[n; 32]).unwrap()
    }

    fn signed(event: super::super::event::Unsigned, key: &SecretKey) -> Event {
        event.sign(key, &[0; 32]).unwrap()
    }

    fn comment(key: &SecretKey, at: u64, text: &str, parent: Option<&Event>) -> Event {
        let reply_to = match parent {
            Some(p) => build::ReplyTo::Event(build::Parent {
                id: p.id.clone(),
                pubkey: p.pubkey.clone(),
                relay: String::new(),
            }),
            None => build::ReplyTo::Page,
        };
        signed(build::comment(&key.public_hex(), at, URL, text, &reply_to), key)
    }

    #[test]
    fn comments_in_scope_nest_and_are_named_by_profile() {
        let (ann, bob) = (key(1), key(2));
        let mut shared = Shared::new(URL, &[]);
        let top = comment(&ann, 10, "Top", None);
        let reply = comment(&bob, 11, "Reply", Some(&top));
        let elsewhere = signed(
            build::comment(&bob.public_hex(), 12, "https://other.example/", "Elsewhere", &build::ReplyTo::Page),
            &bob,
        );
        let to_seed = signed(
            build::comment(&bob.public_hex(), 13, URL, "To the seed", &build::ReplyTo::Item("seed-2".into())),
            &bob,
        );
        assert!(shared.put(to_seed));
        assert!(shared.put(top.clone()));
        assert!(shared.put(reply.clone()));
        assert!(!shared.put(reply.clone()), "a repeat changes nothing");
        assert!(!shared.put(elsewhere));
        assert!(shared.put(signed(build::profile(&ann.public_hex(), 5, "Ann"), &ann)));
        let view = shared.view(&Own::default(), true);
        assert_eq!(view.comments.len(), 3);
        let to_seed = view.comments.iter().find(|c| c.text() == "To the seed").unwrap();
        assert_eq!(to_seed.parent.as_ref().map(CommentId::as_str), Some("seed-2"));
        let shown_reply = view.comments.iter().find(|c| c.text() == "Reply").unwrap();
        assert_eq!(shown_reply.parent.as_ref().map(CommentId::as_str), Some(top.id.as_str()));
        assert_eq!(view.comments.iter().find(|c| c.text() == "Top").unwrap().author(), "Ann");
        assert_eq!(shown_reply.author(), short_key(&bob.public_hex()));
        assert_eq!(shown_reply.posted_at(), Some(11_000.0));
    }

    #[test]
    fn every_spelling_of_the_page_is_the_thread_s_scope() {
        let ann = key(1);
        let mut shared = Shared::new(URL, &[]);
        for (at, url) in [(10, format!("{URL}/")), (11, "HTTPS://Example.org/articles/1#top".to_string())] {
            let event =
                signed(build::comment(&ann.public_hex(), at, &url, "Spelled otherwise", &build::ReplyTo::Page), &ann);
            assert!(shared.put(event), "{url}");
        }
        let to_seed =
            build::comment(&ann.public_hex(), 12, &format!("{URL}/"), "Seed", &build::ReplyTo::Item("seed-2".into()));
        assert!(shared.put(signed(to_seed, &ann)));
        let view = shared.view(&Own::default(), true);
        assert_eq!(view.comments.len(), 3);
        let seed_reply = view.comments.iter().find(|c| c.text() == "Seed").unwrap();
        assert_eq!(seed_reply.parent.as_ref().map(CommentId::as_str), Some("seed-2"));
    }

    #[test]
    fn a_reply_waits_for_its_parent_until_the_thread_is_complete() {
        let (ann, bob) = (key(1), key(2));
        let mut shared = Shared::new(URL, &[]);
        let top = comment(&ann, 10, "Top", None);
        let reply = comment(&bob, 11, "Reply", Some(&top));
        shared.put(reply.clone());
        assert!(shared.view(&Own::default(), false).comments.is_empty(), "not at the top level while loading");
        assert_eq!(shared.missing_parents(&Own::default()), std::slice::from_ref(&top.id));
        let alone = shared.view(&Own::default(), true);
        assert_eq!(alone.comments.len(), 1, "complete: shown, its parent unavailable");
        assert_eq!(alone.comments[0].parent.as_ref().map(CommentId::as_str), Some(top.id.as_str()));
        let deeper = comment(&ann, 12, "Reply to the reply", Some(&reply));
        shared.put(deeper);
        assert!(shared.view(&Own::default(), false).comments.is_empty(), "a reply to a waiting reply waits too");
        shared.put(top.clone());
        assert_eq!(shared.view(&Own::default(), false).comments.len(), 3, "the parent came: all show");
        assert!(shared.missing_parents(&Own::default()).is_empty());
    }

    #[test]
    fn a_reply_to_the_reader_s_own_comment_nests_under_its_local_id() {
        let (me, bob) = (key(1), key(2));
        let mine = comment(&me, 10, "Mine", None);
        let local = CommentId::parse("m3k9-1").unwrap();
        let own =
            Own { pubkey: Some(me.public_hex()), comments: vec![(mine.id.clone(), local.clone())], likes: vec![] };
        let mut shared = Shared::new(URL, &[]);
        shared.put(mine.clone());
        shared.put(comment(&bob, 11, "Answer", Some(&mine)));
        shared.put(signed(build::like(&bob.public_hex(), 12, &parent(&mine)), &bob));
        shared.put(signed(build::like(&me.public_hex(), 12, &parent(&mine)), &me));
        let view = shared.view(&own, true);
        assert_eq!(view.comments.len(), 1, "the reader's own comment shows from storage, once");
        assert_eq!(view.comments[0].parent.as_ref(), Some(&local));
        assert_eq!(view.likes, [(local, 1)], "the reader's own like is their local like");
    }

    fn parent(event: &Event) -> build::Parent {
        build::Parent { id: event.id.clone(), pubkey: event.pubkey.clone(), relay: String::new() }
    }

    #[test]
    fn likes_count_once_per_key_and_unliking_takes_one_back() {
        let (ann, bob, eve) = (key(1), key(2), key(3));
        let mut shared = Shared::new(URL, &[]);
        let top = comment(&ann, 10, "Top", None);
        shared.put(top.clone());
        let like = signed(build::like(&bob.public_hex(), 11, &parent(&top)), &bob);
        shared.put(like.clone());
        shared.put(signed(build::like(&bob.public_hex(), 12, &parent(&top)), &bob));
        shared.put(signed(build::like(&eve.public_hex(), 13, &parent(&top)), &eve));
        let id = CommentId::parse(&top.id).unwrap();
        assert_eq!(shared.view(&Own::default(), true).likes, [(id.clone(), 2)]);
        // Eve's deletion of Bob's like means nothing; Bob's own does.
        shared.put(signed(build::deletion(&eve.public_hex(), 14, &[(like.id.clone(), 7)]), &eve));
        assert_eq!(shared.view(&Own::default(), true).likes, [(id.clone(), 2)]);
        shared.put(signed(build::deletion(&bob.public_hex(), 15, &[(like.id.clone(), 7)]), &bob));
        assert_eq!(shared.view(&Own::default(), true).likes, [(id, 2)], "Bob's second like still counts");
    }

    #[test]
    fn only_the_author_deletes_and_a_moderator_s_newest_mute_list_hides() {
        let (ann, bob, moderator) = (key(1), key(2), key(3));
        let mut shared = Shared::new(URL, &[moderator.public_hex()]);
        let a = comment(&ann, 10, "Ann's", None);
        let b = comment(&bob, 11, "Bob's", None);
        shared.put(a.clone());
        shared.put(b.clone());
        shared.put(signed(build::deletion(&bob.public_hex(), 12, &[(a.id.clone(), 1111)]), &bob));
        assert_eq!(shared.view(&Own::default(), true).comments.len(), 2, "Bob cannot delete Ann's comment");
        shared.put(signed(build::deletion(&ann.public_hex(), 13, &[(a.id.clone(), 1111)]), &ann));
        assert_eq!(shared.view(&Own::default(), true).comments.len(), 1);
        // Deleted with a reply: a placeholder keeps the reply in its place.
        let answer = comment(&bob, 14, "Answer to Ann", Some(&a));
        shared.put(answer.clone());
        let view = shared.view(&Own::default(), true);
        let placeholder = view.comments.iter().find(|c| c.id.as_str() == a.id).unwrap();
        assert!(placeholder.deleted && placeholder.text().is_empty() && placeholder.author().is_empty());
        shared.put(signed(build::deletion(&bob.public_hex(), 15, &[(answer.id.clone(), 1111)]), &bob));
        assert_eq!(shared.view(&Own::default(), true).comments.len(), 1, "no replies left: no placeholder");
        let mute = |at: u64, tags: Vec<Vec<String>>| {
            let list = super::super::event::Unsigned {
                pubkey: moderator.public_hex(),
                created_at: at,
                kind: MUTE_LIST,
                tags,
                content: String::new(),
            };
            signed(list, &moderator)
        };
        shared.put(mute(20, vec![vec!["p".into(), bob.public_hex()]]));
        assert!(shared.view(&Own::default(), true).comments.is_empty());
        // The moderator still sees what their list hides, marked as hidden.
        let moderating = Own { pubkey: Some(moderator.public_hex()), ..Own::default() };
        let view = shared.view(&moderating, true);
        assert_eq!(view.comments.len(), 1);
        assert_eq!(view.hidden, [CommentId::parse(&b.id).unwrap()]);
        assert_eq!(shared.mute_list_of(&moderator.public_hex()).map(|l| l.created_at), Some(20));
        shared.put(mute(19, vec![]));
        assert!(shared.view(&Own::default(), true).comments.is_empty(), "an older list does not replace a newer one");
        shared.put(mute(21, vec![]));
        assert_eq!(shared.view(&Own::default(), true).comments.len(), 1, "unmuted by the newer list");
        // Someone who is not a moderator mutes nothing.
        let not_moderator = key(4);
        let list = super::super::event::Unsigned {
            pubkey: not_moderator.public_hex(),
            created_at: 30,
            kind: MUTE_LIST,
            tags: vec![vec!["p".into(), bob.public_hex()]],
            content: String::new(),
        };
        shared.put(signed(list, &not_moderator));
        assert_eq!(shared.view(&Own::default(), true).comments.len(), 1);
    }

    #[test]
    fn approval_first_shows_an_author_to_everyone_once_a_moderator_approves_them() {
        use super::super::moderation::{APPROVED, approved_set};
        let (ann, moderator) = (key(1), key(3));
        let mut shared = Shared::new(URL, &[moderator.public_hex()]).approving();
        shared.put(comment(&ann, 10, "Ann's first", None));
        shared.put(comment(&moderator, 11, "The moderator's", None));
        let everyone = Own::default();
        let texts = |view: &View| view.comments.iter().map(|c| c.text().to_string()).collect::<Vec<_>>();
        assert_eq!(texts(&shared.view(&everyone, true)), ["The moderator's"], "moderators need no approval");
        let moderating = Own { pubkey: Some(moderator.public_hex()), ..Own::default() };
        let view = shared.view(&moderating, true);
        assert_eq!(view.comments.len(), 2);
        assert_eq!(view.pending.len(), 1);
        assert_eq!(view.comments.iter().filter(|c| c.withheld).count(), 1, "not counted in the heading");
        let anns = Own { pubkey: Some(ann.public_hex()), ..Own::default() };
        assert!(shared.own_pending(&anns) && !shared.own_pending(&moderating));
        // A set under another `d` tag approves nobody here.
        let mut other = approved_set(&moderator.public_hex(), None, &ann.public_hex(), 12);
        other.tags[0][1] = "friends".into();
        shared.put(signed(other, &moderator));
        assert_eq!(shared.view(&everyone, true).comments.len(), 1);
        shared.put(signed(approved_set(&moderator.public_hex(), None, &ann.public_hex(), 13), &moderator));
        assert_eq!(shared.approvals_of(&moderator.public_hex()).and_then(|s| s.tag("d")), Some(APPROVED));
        assert_eq!(shared.view(&everyone, true).comments.len(), 2);
        shared.put(comment(&ann, 14, "Ann's next", None));
        assert_eq!(shared.view(&everyone, true).comments.len(), 3, "and everything they write after");
        assert!(!shared.own_pending(&anns));
        // A set of many approved authors is a set still.
        let bob = key(2);
        shared.put(comment(&bob, 15, "Bob's", None));
        let mut many = approved_set(&moderator.public_hex(), None, &bob.public_hex(), 16);
        many.tags.extend((0..100).map(|i| vec!["p".to_string(), format!("{i:064x}")]));
        shared.put(signed(many, &moderator));
        let shown = texts(&shared.view(&everyone, true));
        assert_eq!(shown.len(), 2, "Ann is no longer in the newest set: {shown:?}");
        assert!(shown.iter().any(|text| text == "Bob's"));
    }

    #[test]
    fn content_over_the_posting_rules_and_floods_are_bounded() {
        let ann = key(1);
        let mut shared = Shared::new(URL, &[]);
        assert!(!shared.put(comment(&ann, 1, &"x".repeat(5_001), None)));
        assert!(!shared.put(comment(&ann, 2, "   ", None)));
        let event = comment(&ann, 3, "ok", None);
        for i in 0..MAX_EVENTS {
            let mut fake = event.clone();
            fake.id = format!("{i:064x}");
            shared.put(fake);
        }
        assert!(!shared.put(comment(&ann, 4, "one too many", None)));
        assert!(shared.comments.len() <= MAX_EVENTS);
    }

    #[test]
    fn hostile_events_are_bounded_and_dates_far_ahead_refused() {
        let (ann, bob) = (key(1), key(2));
        let mut shared = Shared::new(URL, &[]);
        let ahead = comment(&ann, NOW + MAX_FUTURE_S + 1, "From the far future", None);
        assert!(!shared.put(ahead.clone()), "dated too far ahead");
        assert!(!shared.wants(&ahead.id), "and not checked again");
        assert!(shared.put(comment(&ann, NOW + 60, "A minute ahead: clocks differ", None)));
        let target = comment(&ann, 5, "Liked", None);
        let mut like = build::like(&bob.public_hex(), 6, &parent(&target));
        like.tags[0][1] = "seed-1".into();
        assert!(!shared.put(signed(like, &bob)), "a like of something that is no event");
        let mut many = build::comment(&bob.public_hex(), 7, URL, "Many tags", &build::ReplyTo::Page);
        many.tags.extend((0..MAX_TAGS).map(|i| vec!["t".to_string(), i.to_string()]));
        assert!(!shared.put(signed(many, &bob)));
        // Bytes: events that carry much are taken only while the budget lasts.
        let mut budget = Shared::new(URL, &[]);
        let big = comment(&ann, 1, &"x".repeat(5_000), None);
        let taken = (0..(MAX_BYTES / 5_000 + 10) as u64)
            .filter(|i| budget.put(Event { id: format!("{i:064x}"), ..big.clone() }))
            .count();
        assert!(taken * 5_000 <= MAX_BYTES && taken >= MAX_BYTES / 5_100, "{taken} taken");
    }

    #[test]
    fn the_reader_s_own_likes_and_retracted_versions_are_theirs_and_a_moderator_s_mute_is_reported() {
        let (me, bob, moderator) = (key(1), key(2), key(3));
        let mut shared = Shared::new(URL, &[moderator.public_hex()]);
        let first = comment(&me, 10, "First version", None);
        let second = comment(&me, 11, "Second version", None);
        let theirs = comment(&bob, 12, "Theirs", None);
        let my_like = signed(build::like(&me.public_hex(), 13, &parent(&theirs)), &me);
        for event in [first.clone(), second.clone(), theirs.clone(), my_like.clone()] {
            shared.put(event);
        }
        let local = CommentId::parse("m3k9-1").unwrap();
        // An extension's key is not known before it signs: the like's id tells it.
        let own =
            Own { pubkey: None, comments: vec![(second.id.clone(), local.clone())], likes: vec![my_like.id.clone()] };
        shared.retracted(&first.id);
        let view = shared.view(&own, true);
        assert_eq!(view.comments.iter().map(|c| c.text()).collect::<Vec<_>>(), ["Theirs"]);
        assert!(view.likes.is_empty(), "the reader's like is their local one");
        assert!(shared.hidden_own(&own).is_empty());
        let mute = Unsigned {
            pubkey: moderator.public_hex(),
            created_at: 20,
            kind: MUTE_LIST,
            tags: vec![vec!["e".into(), second.id.clone()]],
            content: String::new(),
        };
        shared.put(signed(mute, &moderator));
        assert_eq!(shared.hidden_own(&own), [local]);
    }
}
