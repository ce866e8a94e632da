//! What the relays say about one thread, merged: the comments in its scope,
//! the likes, the deletion requests and the moderators' mute lists. Every
//! event here has been verified ([`super::Event::verified`]); this decides
//! what it means, bounds how much is kept, and turns it into comments the
//! thread shows, by the same posting rules as the reader's own.

use super::build::ITEM_FRAGMENT;
use super::event::{COMMENT, DELETION, Event, MUTE_LIST, PROFILE, REACTION};
use crate::model::comment::{Comment, CommentId};
use crate::model::validate::{Body, NAME_LIMITS, Name, Valid};
use std::collections::{HashMap, HashSet};

/// The most events kept for one thread. A relay that floods more is
/// ignored beyond it (the page stays responsive; what came first stays).
pub const MAX_EVENTS: usize = 20_000;

/// What this browser's reader has published, to tell their own events from
/// others'.
#[derive(Clone, Debug, Default)]
pub struct Own {
    /// The reader's public key, if they have one.
    pub pubkey: Option<String>,
    /// The events of the reader's comments, by the comment's local id.
    pub comments: Vec<(String, CommentId)>,
}

impl Own {
    fn local_id(&self, event_id: &str) -> Option<&CommentId> {
        self.comments.iter().find(|(id, _)| id == event_id).map(|(_, local)| local)
    }
}

struct Reaction {
    id: String,
    pubkey: String,
    target: String,
}

struct Listed {
    pubkey: String,
    created_at: u64,
    id: String,
    event: Event,
}

/// The shared side of one thread.
pub struct Shared {
    /// The thread's root scope: the article's canonical URL.
    url: String,
    moderators: Vec<String>,
    seen: HashSet<String>,
    comments: Vec<Event>,
    reactions: Vec<Reaction>,
    /// (author, event id): only an event's own author can delete it.
    deletions: HashSet<(String, String)>,
    /// The newest profile and mute list of each author (replaceable events).
    profiles: Vec<Listed>,
    mutes: Vec<Listed>,
}

/// What the thread shows of the shared side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Others' comments, in no particular order.
    pub comments: Vec<Comment>,
    /// Likes from other readers' keys, by comment (the reader's own are
    /// their local likes).
    pub likes: Vec<(CommentId, u32)>,
    /// The reader's own comments that a moderator muted or that the reader
    /// asked to delete: hidden from everyone but still theirs.
    pub hidden_own: Vec<CommentId>,
}

impl Shared {
    pub fn new(url: &str, moderators: &[String]) -> Shared {
        Shared {
            url: url.into(),
            moderators: moderators.to_vec(),
            seen: HashSet::new(),
            comments: Vec::new(),
            reactions: Vec::new(),
            deletions: HashSet::new(),
            profiles: Vec::new(),
            mutes: Vec::new(),
        }
    }

    /// The thread's scope: what the `I` tag of its comments holds.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Takes one verified event; returns whether what is shown may change.
    /// Events of other kinds and scopes, repeats, and anything past
    /// [`MAX_EVENTS`] are ignored.
    pub fn insert(&mut self, event: Event) -> bool {
        if self.seen.len() >= MAX_EVENTS || self.seen.contains(&event.id) {
            return false;
        }
        let kept = match event.kind {
            COMMENT => {
                let in_scope = event.tag("I") == Some(self.url.as_str());
                // Content that breaks the posting rules is not shown: too long, or empty.
                let usable = in_scope && Body::check(&event.content).is_ok();
                if usable {
                    self.comments.push(event.clone());
                }
                usable
            }
            REACTION => match event.tag_values("e").last() {
                Some(target) if event.content == "+" || event.content.is_empty() => {
                    let target = target.to_string();
                    self.reactions.push(Reaction { id: event.id.clone(), pubkey: event.pubkey.clone(), target });
                    true
                }
                _ => false,
            },
            DELETION => {
                let targets: Vec<String> = event.tag_values("e").map(str::to_string).collect();
                let any = !targets.is_empty();
                for target in targets {
                    self.deletions.insert((event.pubkey.clone(), target));
                }
                any
            }
            PROFILE => keep_newest(&mut self.profiles, event.clone()),
            MUTE_LIST if self.moderators.contains(&event.pubkey) => keep_newest(&mut self.mutes, event.clone()),
            _ => false,
        };
        self.seen.insert(event.id);
        kept
    }

    /// The reader asked for one of their own events to be deleted: it counts
    /// as deleted at once, before relays echo the request, so that the first
    /// version of an edited or deleted comment never shows as someone
    /// else's meanwhile.
    pub fn retracted(&mut self, author: &str, event_id: &str) {
        self.deletions.insert((author.to_string(), event_id.to_string()));
    }

    /// The name an author posts under: their profile's, checked by the
    /// posting rules, or the start of their key.
    pub fn author_name(&self, pubkey: &str) -> String {
        self.profiles
            .iter()
            .find(|p| p.pubkey == pubkey)
            .and_then(|p| profile_name(&p.event))
            .unwrap_or_else(|| short_key(pubkey))
    }

    /// What the thread shows: others' comments (deleted and muted ones left
    /// out) and everyone else's likes.
    pub fn view(&self, own: &Own) -> View {
        let (muted_keys, muted_events) = self.muted();
        let deleted = |author: &str, id: &str| self.deletions.contains(&(author.to_string(), id.to_string()));
        let hidden = |event: &Event| {
            deleted(&event.pubkey, &event.id) || muted_keys.contains(&event.pubkey) || muted_events.contains(&event.id)
        };
        // Comments that others answered: deleted, they leave a placeholder.
        let answered: HashSet<&str> =
            self.comments.iter().filter(|c| !hidden(c)).filter_map(|c| c.tag_values("e").last()).collect();
        let mut view = View::default();
        let mut names: HashMap<&str, String> = HashMap::new();
        for event in &self.comments {
            if let Some(local) = own.local_id(&event.id) {
                if hidden(event) {
                    view.hidden_own.push(local.clone());
                }
                continue;
            }
            let Some(id) = CommentId::parse(&event.id) else { continue };
            let muted = muted_keys.contains(&event.pubkey) || muted_events.contains(&event.id);
            let deleted = deleted(&event.pubkey, &event.id);
            if muted || (deleted && !answered.contains(event.id.as_str())) {
                continue;
            }
            // The parent is the last `e` tag (nostr-tools puts inherited tags
            // first), or an article's comment named as a web item.
            let item = event.tag("i").and_then(|i| i.strip_prefix(self.url.as_str())?.strip_prefix(ITEM_FRAGMENT));
            let parent = match event.tag_values("e").last() {
                Some(parent) => own.local_id(parent).cloned().or_else(|| CommentId::parse(parent)),
                None => item.and_then(CommentId::parse),
            };
            let at_ms = event.created_at as f64 * 1000.0;
            if deleted {
                view.comments.push(Comment::shared_placeholder(id, at_ms, parent));
                continue;
            }
            let name = names.entry(event.pubkey.as_str()).or_insert_with(|| self.author_name(&event.pubkey)).clone();
            let (Ok(author), Ok(text)) = (Name::check(&name), Body::check(&event.content)) else { continue };
            view.comments.push(Comment::shared(id, Valid { author, text }, at_ms, parent));
        }
        let mut likers: HashMap<&str, HashSet<&str>> = HashMap::new();
        for reaction in &self.reactions {
            let mine = own.pubkey.as_deref() == Some(reaction.pubkey.as_str());
            if mine || deleted(&reaction.pubkey, &reaction.id) || muted_keys.contains(&reaction.pubkey) {
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

    /// The author (public key) of a comment seen in this thread.
    pub fn author_of(&self, event_id: &str) -> Option<&str> {
        self.comments.iter().find(|c| c.id == event_id).map(|c| c.pubkey.as_str())
    }

    /// The comments and the authors of comments and likes seen so far: what
    /// to ask relays about next (likes, deletions, profiles).
    pub fn known(&self) -> (Vec<String>, Vec<String>) {
        let ids = self.comments.iter().map(|c| c.id.clone()).collect();
        let mut authors: Vec<String> = self.comments.iter().map(|c| c.pubkey.clone()).collect();
        authors.extend(self.reactions.iter().map(|r| r.pubkey.clone()));
        authors.sort();
        authors.dedup();
        (ids, authors)
    }

    /// The reader's own reactions (their likes from another visit), by target.
    pub fn own_reactions(&self, pubkey: &str) -> Vec<(String, String)> {
        self.reactions
            .iter()
            .filter(|r| r.pubkey == pubkey && !self.deletions.contains(&(r.pubkey.clone(), r.id.clone())))
            .map(|r| (r.target.clone(), r.id.clone()))
            .collect()
    }

    /// Keys and events the moderators' newest mute lists name (public tags).
    fn muted(&self) -> (HashSet<String>, HashSet<String>) {
        let mut keys = HashSet::new();
        let mut events = HashSet::new();
        for list in &self.mutes {
            keys.extend(list.event.tag_values("p").map(str::to_string));
            events.extend(list.event.tag_values("e").map(str::to_string));
        }
        (keys, events)
    }
}

/// Keeps only the newest replaceable event per author (on a tie, the lowest
/// id, as NIP-01 says). Returns whether it was kept.
fn keep_newest(list: &mut Vec<Listed>, event: Event) -> bool {
    let newer =
        |old: &Listed| (event.created_at, std::cmp::Reverse(&event.id)) > (old.created_at, std::cmp::Reverse(&old.id));
    match list.iter_mut().find(|l| l.pubkey == event.pubkey) {
        Some(old) if newer(old) => {
            *old = Listed { pubkey: event.pubkey.clone(), created_at: event.created_at, id: event.id.clone(), event };
            true
        }
        Some(_) => false,
        None => {
            list.push(Listed {
                pubkey: event.pubkey.clone(),
                created_at: event.created_at,
                id: event.id.clone(),
                event,
            });
            true
        }
    }
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
    use crate::model::nostr::keys::SecretKey;

    const URL: &str = "https://example.org/articles/1";

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
        assert!(shared.insert(to_seed));
        assert!(shared.insert(top.clone()));
        assert!(shared.insert(reply.clone()));
        assert!(!shared.insert(reply.clone()), "a repeat changes nothing");
        assert!(!shared.insert(elsewhere));
        assert!(shared.insert(signed(build::profile(&ann.public_hex(), 5, "Ann"), &ann)));
        let view = shared.view(&Own::default());
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
    fn a_reply_to_the_reader_s_own_comment_nests_under_its_local_id() {
        let (me, bob) = (key(1), key(2));
        let mine = comment(&me, 10, "Mine", None);
        let local = CommentId::parse("m3k9-1").unwrap();
        let own = Own { pubkey: Some(me.public_hex()), comments: vec![(mine.id.clone(), local.clone())] };
        let mut shared = Shared::new(URL, &[]);
        shared.insert(mine.clone());
        shared.insert(comment(&bob, 11, "Answer", Some(&mine)));
        shared.insert(signed(build::like(&bob.public_hex(), 12, &parent(&mine)), &bob));
        shared.insert(signed(build::like(&me.public_hex(), 12, &parent(&mine)), &me));
        let view = shared.view(&own);
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
        shared.insert(top.clone());
        let like = signed(build::like(&bob.public_hex(), 11, &parent(&top)), &bob);
        shared.insert(like.clone());
        shared.insert(signed(build::like(&bob.public_hex(), 12, &parent(&top)), &bob));
        shared.insert(signed(build::like(&eve.public_hex(), 13, &parent(&top)), &eve));
        let id = CommentId::parse(&top.id).unwrap();
        assert_eq!(shared.view(&Own::default()).likes, [(id.clone(), 2)]);
        // Eve's deletion of Bob's like means nothing; Bob's own does.
        shared.insert(signed(build::deletion(&eve.public_hex(), 14, &[(like.id.clone(), 7)]), &eve));
        assert_eq!(shared.view(&Own::default()).likes, [(id.clone(), 2)]);
        shared.insert(signed(build::deletion(&bob.public_hex(), 15, &[(like.id.clone(), 7)]), &bob));
        assert_eq!(shared.view(&Own::default()).likes, [(id, 2)], "Bob's second like still counts");
    }

    #[test]
    fn only_the_author_deletes_and_a_moderator_s_newest_mute_list_hides() {
        let (ann, bob, moderator) = (key(1), key(2), key(3));
        let mut shared = Shared::new(URL, &[moderator.public_hex()]);
        let a = comment(&ann, 10, "Ann's", None);
        let b = comment(&bob, 11, "Bob's", None);
        shared.insert(a.clone());
        shared.insert(b.clone());
        shared.insert(signed(build::deletion(&bob.public_hex(), 12, &[(a.id.clone(), 1111)]), &bob));
        assert_eq!(shared.view(&Own::default()).comments.len(), 2, "Bob cannot delete Ann's comment");
        shared.insert(signed(build::deletion(&ann.public_hex(), 13, &[(a.id.clone(), 1111)]), &ann));
        assert_eq!(shared.view(&Own::default()).comments.len(), 1);
        // Deleted with a reply: a placeholder keeps the reply in its place.
        let answer = comment(&bob, 14, "Answer to Ann", Some(&a));
        shared.insert(answer.clone());
        let view = shared.view(&Own::default());
        let placeholder = view.comments.iter().find(|c| c.id.as_str() == a.id).unwrap();
        assert!(placeholder.deleted && placeholder.text().is_empty() && placeholder.author().is_empty());
        shared.insert(signed(build::deletion(&bob.public_hex(), 15, &[(answer.id.clone(), 1111)]), &bob));
        assert_eq!(shared.view(&Own::default()).comments.len(), 1, "no replies left: no placeholder");
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
        shared.insert(mute(20, vec![vec!["p".into(), bob.public_hex()]]));
        assert!(shared.view(&Own::default()).comments.is_empty());
        shared.insert(mute(19, vec![]));
        assert!(shared.view(&Own::default()).comments.is_empty(), "an older list does not replace a newer one");
        shared.insert(mute(21, vec![]));
        assert_eq!(shared.view(&Own::default()).comments.len(), 1, "unmuted by the newer list");
        // Someone who is not a moderator mutes nothing.
        let not_moderator = key(4);
        let list = super::super::event::Unsigned {
            pubkey: not_moderator.public_hex(),
            created_at: 30,
            kind: MUTE_LIST,
            tags: vec![vec!["p".into(), bob.public_hex()]],
            content: String::new(),
        };
        shared.insert(signed(list, &not_moderator));
        assert_eq!(shared.view(&Own::default()).comments.len(), 1);
    }

    #[test]
    fn content_over_the_posting_rules_and_floods_are_bounded() {
        let ann = key(1);
        let mut shared = Shared::new(URL, &[]);
        assert!(!shared.insert(comment(&ann, 1, &"x".repeat(5_001), None)));
        assert!(!shared.insert(comment(&ann, 2, "   ", None)));
        let event = comment(&ann, 3, "ok", None);
        for i in 0..MAX_EVENTS {
            let mut fake = event.clone();
            fake.id = format!("{i:064x}");
            shared.insert(fake);
        }
        assert!(!shared.insert(comment(&ann, 4, "one too many", None)));
        assert!(shared.comments.len() <= MAX_EVENTS);
    }
}
