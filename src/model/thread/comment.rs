//! A comment as the thread shows it, whether it came with the article or was
//! posted in this browser.

use crate::model::article::SeedComment;
use crate::model::writing::validate::{Body, Valid};
use std::fmt;

/// A stable comment id: ASCII letters, digits and `-` only, so that it is safe
/// inside a storage key and an HTML id / URL fragment (`#comment-<id>`).
/// A comment from a relay has its event id (64 hex digits) as its id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CommentId(String);

impl CommentId {
    pub const MAX_LEN: usize = 64;

    /// Accepts an id read from storage or a URL, if it has the id's shape.
    pub fn parse(s: &str) -> Option<CommentId> {
        let valid =
            !s.is_empty() && s.len() <= Self::MAX_LEN && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        valid.then(|| CommentId(s.to_string()))
    }

    /// A new id from the posting time and random bits. Two tabs posting in the
    /// same millisecond still get different ids (and so different storage keys)
    /// because the random part differs.
    pub fn generate(now_ms: f64, entropy: u64) -> CommentId {
        let millis = if now_ms.is_finite() && now_ms > 0.0 { now_ms as u64 } else { 0 };
        CommentId(format!("{}-{}", base36(millis), base36(entropy)))
    }

    /// The id of the `index`th (0-based) seed comment of an article.
    pub fn for_seed(index: usize) -> CommentId {
        CommentId(format!("seed-{}", index + 1))
    }

    /// The position (0-based) of the seed comment this id would name.
    pub fn seed_index(&self) -> Option<usize> {
        let number: usize = self.0.strip_prefix("seed-")?.parse().ok()?;
        number.checked_sub(1)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Where a comment came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Origin {
    /// Part of the article's content, with the time the article gives it
    /// (if any): never stored, never changed.
    Seed { at_ms: Option<f64> },
    /// Posted by the reader of this browser, at this time (milliseconds
    /// since the Unix epoch): theirs to edit and delete.
    Own { at_ms: f64 },
    /// Another reader's, from a Nostr relay (its id is the event's; the
    /// relay layer knows its author), posted at this time. Never stored,
    /// never changed here.
    Shared { at_ms: f64 },
}

/// A comment as the thread shows it. Its author and text can only come from
/// the article, from a checked draft ([`Valid`]) or from a stored record
/// that meets the same rules, so what is shown and stored always does.
#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    pub id: CommentId,
    author: String,
    text: String,
    pub origin: Origin,
    /// The comment this one answers.
    pub parent: Option<CommentId>,
    /// When the text was last changed.
    pub edited_at: Option<f64>,
    /// Deleted, but kept as a placeholder because it has replies. Author and
    /// text are gone.
    pub deleted: bool,
    /// Likes the article ships with (seed comments only).
    pub base_likes: u32,
    /// Shown to a moderator only (hidden by a moderator's list, or waiting
    /// for approval): not counted in the heading, which says what every
    /// reader sees.
    pub withheld: bool,
}

impl Comment {
    /// The `index`th (0-based) comment of an article.
    pub fn seed(index: usize, seed: &SeedComment) -> Comment {
        Comment {
            id: CommentId::for_seed(index),
            author: seed.author.clone(),
            text: seed.text.clone(),
            origin: Origin::Seed { at_ms: seed.at_ms },
            parent: seed.parent.map(CommentId::for_seed),
            edited_at: None,
            deleted: false,
            base_likes: seed.likes,
            withheld: false,
        }
    }

    /// A comment posted in this browser.
    pub fn posted(id: CommentId, post: Valid, at_ms: f64, parent: Option<CommentId>) -> Comment {
        Comment {
            id,
            author: post.author.into_string(),
            text: post.text.into_string(),
            origin: Origin::Own { at_ms },
            parent,
            edited_at: None,
            deleted: false,
            base_likes: 0,
            withheld: false,
        }
    }

    /// Another reader's comment from a relay (its text met the posting rules).
    pub fn shared(id: CommentId, post: Valid, at_ms: f64, parent: Option<CommentId>) -> Comment {
        Comment {
            id,
            author: post.author.into_string(),
            text: post.text.into_string(),
            origin: Origin::Shared { at_ms },
            parent,
            edited_at: None,
            deleted: false,
            base_likes: 0,
            withheld: false,
        }
    }

    /// What stays of another reader's comment that its author deleted on
    /// relays while it has replies: a placeholder, so the replies keep
    /// their place.
    pub fn shared_placeholder(id: CommentId, at_ms: f64, parent: Option<CommentId>) -> Comment {
        Comment { origin: Origin::Shared { at_ms }, ..Comment::placeholder(id, at_ms, parent, None) }
    }

    /// The placeholder of a deleted comment of this browser's, as stored.
    pub fn placeholder(id: CommentId, at_ms: f64, parent: Option<CommentId>, edited_at: Option<f64>) -> Comment {
        Comment {
            id,
            author: String::new(),
            text: String::new(),
            origin: Origin::Own { at_ms },
            parent,
            edited_at,
            deleted: true,
            base_likes: 0,
            withheld: false,
        }
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn posted_at(&self) -> Option<f64> {
        match self.origin {
            Origin::Own { at_ms } | Origin::Shared { at_ms } => Some(at_ms),
            Origin::Seed { at_ms } => at_ms,
        }
    }

    /// Whether the reader of this browser may edit and delete it: their own
    /// comments can be, the article's own cannot, and a placeholder has
    /// nothing left to change.
    pub fn is_own(&self) -> bool {
        matches!(self.origin, Origin::Own { .. }) && !self.deleted
    }

    /// The comment with new text, edited at `at_ms`; `None` unless it is
    /// the reader's own.
    pub fn edited(&self, text: Body, at_ms: f64) -> Option<Comment> {
        self.is_own().then(|| Comment { text: text.into_string(), edited_at: Some(at_ms), ..self.clone() })
    }

    /// The same comment, shown to a moderator only.
    pub fn withheld(self) -> Comment {
        Comment { withheld: true, ..self }
    }

    /// What stays of a deleted comment that has replies.
    pub fn tombstone(&self) -> Comment {
        Comment { author: String::new(), text: String::new(), deleted: true, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_differ_by_entropy() {
        let a = CommentId::generate(1_732_460_000_000.0, 1);
        let b = CommentId::generate(1_732_460_000_000.0, 2);
        assert_ne!(a, b);
        assert_eq!(CommentId::parse(a.as_str()), Some(a.clone()));
        assert_eq!(CommentId::generate(f64::NAN, u64::MAX).as_str(), "0-3w5e11264sgsf");
    }

    #[test]
    fn parse_rejects_what_could_break_a_key_or_an_anchor() {
        for bad in ["", "a:b", "a b", "<x>", "é", &"a".repeat(65)] {
            assert_eq!(CommentId::parse(bad), None, "{bad:?}");
        }
        assert!(CommentId::parse("seed-1").is_some());
    }
}

#[cfg(test)]
mod ownership_tests {
    use super::*;
    use crate::model::Draft;

    fn valid(author: &str, text: &str) -> Valid {
        Draft { name: author.into(), text: text.into() }.check().unwrap()
    }

    #[test]
    fn only_own_comments_can_be_edited() {
        let seed = Comment::seed(
            0,
            &SeedComment { author: "Zed".into(), text: "first".into(), likes: 0, at_ms: None, parent: None },
        );
        let body = Body::check("changed").unwrap();
        assert_eq!(seed.edited(body.clone(), 5.0), None);
        let own = Comment::posted(CommentId::parse("a").unwrap(), valid("Ann", "Hi"), 1.0, None);
        let edited = own.edited(body.clone(), 5.0).unwrap();
        assert_eq!((edited.text(), edited.edited_at), ("changed", Some(5.0)));
        assert_eq!(own.tombstone().edited(body, 6.0), None);
    }
}
