//! The events agora writes, tag for tag as the NIPs give them, so that other
//! clients read agora's comments, replies, likes and deletions correctly.

use super::event::{COMMENT, DELETION, PROFILE, REACTION, Unsigned, json_string};

/// What a reply answers: the parent comment's event.
#[derive(Clone, Debug, PartialEq)]
pub struct Parent {
    pub id: String,
    pub pubkey: String,
    /// A relay where the parent was seen ("" if none is known).
    pub relay: String,
}

fn tag(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| v.to_string()).collect()
}

/// What a comment answers.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplyTo {
    /// The page itself: a top-level comment.
    Page,
    /// Another comment on relays.
    Event(Parent),
    /// One of the article's own comments, which are part of the page: the
    /// parent item is the page address with its fragment (`#comment-seed-3`).
    Item(String),
}

/// The fragment that names an article's comment as a web item.
pub const ITEM_FRAGMENT: &str = "#comment-";

/// A comment on the web page at `url` (NIP-22, NIP-73: root scope `I` with
/// `K` = `web`), or a reply to another comment on it.
pub fn comment(pubkey: &str, created_at: u64, url: &str, text: &str, reply_to: &ReplyTo) -> Unsigned {
    let mut tags = vec![tag(&["I", url]), tag(&["K", "web"])];
    match reply_to {
        ReplyTo::Page => tags.extend([tag(&["i", url]), tag(&["k", "web"])]),
        ReplyTo::Item(id) => tags.extend([tag(&["i", &format!("{url}{ITEM_FRAGMENT}{id}")]), tag(&["k", "web"])]),
        ReplyTo::Event(parent) => tags.extend([
            tag(&["e", &parent.id, &parent.relay, &parent.pubkey]),
            tag(&["k", "1111"]),
            tag(&["p", &parent.pubkey]),
        ]),
    }
    Unsigned { pubkey: pubkey.into(), created_at, kind: COMMENT, tags, content: text.into() }
}

/// A like (NIP-25: content `+`) of a comment.
pub fn like(pubkey: &str, created_at: u64, comment: &Parent) -> Unsigned {
    let tags = vec![
        tag(&["e", &comment.id, &comment.relay, &comment.pubkey]),
        tag(&["p", &comment.pubkey]),
        tag(&["k", "1111"]),
    ];
    Unsigned { pubkey: pubkey.into(), created_at, kind: REACTION, tags, content: "+".into() }
}

/// A request to delete the author's own events (NIP-09), each with its kind.
pub fn deletion(pubkey: &str, created_at: u64, events: &[(String, u32)]) -> Unsigned {
    let mut tags: Vec<Vec<String>> = events.iter().map(|(id, _)| tag(&["e", id])).collect();
    let mut kinds: Vec<u32> = events.iter().map(|(_, kind)| *kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    tags.extend(kinds.iter().map(|kind| tag(&["k", &kind.to_string()])));
    Unsigned { pubkey: pubkey.into(), created_at, kind: DELETION, tags, content: String::new() }
}

/// The author's profile (kind 0) with the name they post under.
pub fn profile(pubkey: &str, created_at: u64, name: &str) -> Unsigned {
    let mut content = String::from("{\"name\":");
    json_string(&mut content, name);
    content.push('}');
    Unsigned { pubkey: pubkey.into(), created_at, kind: PROFILE, tags: Vec::new(), content }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(event: &Unsigned) -> String {
        serde_json::to_string(&event.tags).unwrap()
    }

    #[test]
    fn comments_and_replies_have_the_nip22_tags() {
        let top = comment("p", 1, "https://abc.com/articles/1", "Nice article!", &ReplyTo::Page);
        assert_eq!(top.kind, 1111);
        assert_eq!(
            tags(&top),
            r#"[["I","https://abc.com/articles/1"],["K","web"],["i","https://abc.com/articles/1"],["k","web"]]"#
        );
        let parent = Parent { id: "a".repeat(64), pubkey: "b".repeat(64), relay: "wss://r".into() };
        let reply = comment("p", 2, "https://abc.com/articles/1", "Yes", &ReplyTo::Event(parent));
        let (a, b) = ("a".repeat(64), "b".repeat(64));
        assert_eq!(
            tags(&reply),
            format!(
                r#"[["I","https://abc.com/articles/1"],["K","web"],["e","{a}","wss://r","{b}"],["k","1111"],["p","{b}"]]"#
            )
        );
        let to_seed = comment("p", 3, "https://abc.com/a", "Yes", &ReplyTo::Item("seed-3".into()));
        assert_eq!(
            tags(&to_seed),
            r#"[["I","https://abc.com/a"],["K","web"],["i","https://abc.com/a#comment-seed-3"],["k","web"]]"#
        );
    }

    #[test]
    fn likes_deletions_and_profiles() {
        let target = Parent { id: "a".repeat(64), pubkey: "b".repeat(64), relay: String::new() };
        let liked = like("p", 3, &target);
        assert_eq!((liked.kind, liked.content.as_str()), (7, "+"));
        assert_eq!(liked.tags[0][1], "a".repeat(64));
        let gone = deletion("p", 4, &[("x".into(), 7), ("y".into(), 1111), ("z".into(), 7)]);
        assert_eq!(tags(&gone), r#"[["e","x"],["e","y"],["e","z"],["k","7"],["k","1111"]]"#);
        assert_eq!(profile("p", 5, "Ann \"the\" reader").content, r#"{"name":"Ann \"the\" reader"}"#);
    }
}
