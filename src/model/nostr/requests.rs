//! What agora asks relays for about a thread (NIP-01 filters), in one place
//! for the widget's relay layer (`relay::subscriptions`) and for the thread
//! `agora-render` reads at build time (`prerender::snapshot`).

use super::event::{COMMENT, DELETION, FOLLOW_SET, MUTE_LIST, PROFILE, REACTION};
use super::moderation::APPROVED;
use super::scope::spellings;
use super::shared::Shared;
use serde_json::{Value, json};

/// How many ids or authors one filter names.
pub const BATCH: usize = 250;

/// The thread itself: its comments, in every spelling of its page, then
/// its moderators' mute lists and, where it is approval first, their sets
/// of approved authors.
pub fn thread(shared: &Shared) -> Vec<Value> {
    let mut filters = vec![json!({ "kinds": [COMMENT], "#I": spellings(shared.url()) })];
    let moderators = shared.moderators();
    if !moderators.is_empty() {
        filters.push(json!({ "kinds": [MUTE_LIST], "authors": moderators }));
        if shared.approves() {
            filters.push(json!({ "kinds": [FOLLOW_SET], "authors": moderators, "#d": [APPROVED] }));
        }
    }
    filters
}

/// `filter`, for what was published at `since` (seconds) or later only.
pub fn since(mut filter: Value, since: u64) -> Value {
    if let Some(filter) = filter.as_object_mut() {
        filter.insert("since".into(), since.into());
    }
    filter
}

/// The likes and deletion requests that name these events: by the events
/// they name, not by author (an author's deletions elsewhere are none of
/// the thread's).
pub fn likes_and_deletions(ids: &[String]) -> Value {
    json!({ "kinds": [REACTION, DELETION], "#e": ids })
}

/// These authors' profiles (their names).
pub fn names(authors: &[String]) -> Value {
    json!({ "kinds": [PROFILE], "authors": authors })
}

/// These events, by id (replies' parents that did not come with the thread).
pub fn events(ids: &[String]) -> Value {
    json!({ "ids": ids })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_is_its_comments_in_both_spellings_then_its_moderators_lists() {
        let page = "https://news.example/story";
        let plain = thread(&Shared::new(page, &[]));
        assert_eq!(plain, [json!({ "kinds": [COMMENT], "#I": [page, "https://news.example/story/"] })]);
        let moderator = "a".repeat(64);
        let moderated = thread(&Shared::new(page, std::slice::from_ref(&moderator)).approving());
        assert_eq!(moderated.len(), 3);
        assert_eq!(moderated[1], json!({ "kinds": [MUTE_LIST], "authors": [moderator] }));
        assert_eq!(moderated[2], json!({ "kinds": [FOLLOW_SET], "authors": [moderator], "#d": [APPROVED] }));
        assert_eq!(since(moderated[1].clone(), 7)["since"], 7);
        assert_eq!(events(&["x".into()]), json!({ "ids": ["x"] }));
    }
}
