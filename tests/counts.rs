//! The count of `<agora-count>` is the number the thread's heading shows:
//! each fixture of `tests/fixtures/counts/` (an article, what this browser
//! stores, what relays send) is counted here through the real model, as
//! the widget does (the stored entries loaded, the relays' events verified
//! and merged into the shared view of a complete thread, the thread's tree
//! counted), and worded as the heading words it; `tests/js/count.test.mjs`
//! holds public/count.js to the same fixtures.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::model::nostr::scope::canonical_url;
use agora::model::nostr::settings::{SettingProblem, SharingSettings};
use agora::model::nostr::{Event, Own, Shared};
use agora::model::storage::load::outbox_entries;
use agora::model::{Article, Keys, Lang, Sort, Text, Thread, ThreadId, Tree, load};
use serde_json::Value;

fn fixtures() -> Vec<(String, Value)> {
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let mut found: Vec<(String, Value)> = std::fs::read_dir(format!("{root}/tests/fixtures/counts"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            (path.display().to_string(), serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap())
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// What the thread's heading counts for one fixture, for a reader whose
/// key is `reader` (where it matters: a moderator's thread also shows, marked,
/// what moderators hide and what waits for approval).
fn heading_count(fixture: &Value, reader: Option<&str>) -> usize {
    let article = match fixture.get("article") {
        Some(json) => Article::from_json(&json.to_string()).unwrap(),
        None => Article::built_in(),
    };
    let thread_id = fixture.get("thread").and_then(Value::as_str).unwrap_or(&article.id);
    let keys = Keys::new(&ThreadId::parse(thread_id).unwrap());
    let stored: Vec<(String, String)> = fixture["stored"]
        .as_object()
        .map(|entries| entries.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())).collect())
        .unwrap_or_default();
    let loaded = load(&keys, stored.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut thread = Thread::from_article(&article);
    thread.set_posted(loaded.comments, loaded.liked);
    if let Some(relays) = fixture.get("relays") {
        // The relay build reads the article's url (the usual one does not).
        let url = canonical_url(fixture["article"]["url"].as_str().unwrap());
        let moderators: Vec<String> =
            relays["moderators"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()).collect();
        let outbox = outbox_entries(&loaded.outbox);
        // The host's settings (the element's attributes, empty ones absent,
        // as `Config` reads them) resolved against the article's (which,
        // like its url, only the relay build reads).
        let host = |name: &str| fixture["host"][name].as_str().map(str::trim).filter(|v| !v.is_empty());
        let moderation = fixture["article"]["moderation"].as_str().map(str::to_string);
        let article_sharing = SharingSettings { moderation, ..SharingSettings::default() };
        let (sharing, problems) = SharingSettings::from_text(host).resolve(article_sharing);
        let refused = problems.iter().any(|p| !matches!(p, SettingProblem::Moderation(_)));
        assert!(!refused, "a fixture of a thread whose settings are refused: {problems:?}");
        let shared = Shared::new(&url, &moderators);
        let mut shared = if sharing.approve { shared.approving() } else { shared };
        shared.retract_outbox(&outbox);
        let now = relays["now"].as_u64().unwrap();
        for event in relays["events"].as_array().unwrap() {
            let Ok(event) = serde_json::from_value::<Event>(event.clone()) else { continue };
            if shared.wants(&event.id) && event.verify().is_ok() {
                shared.insert(event, now);
            }
        }
        let view = shared.view(&Own::from_outbox(reader.map(str::to_string), &outbox), true);
        thread.set_shared(view.comments, view.likes);
    }
    Tree::build(&thread, Sort::Oldest).count()
}

#[test]
fn every_fixture_counts_what_the_heading_shows() {
    let all = fixtures();
    assert!(all.len() >= 3, "the count fixtures are missing");
    for (path, fixture) in all {
        let count = heading_count(&fixture, None);
        assert_eq!(count as u64, fixture["expected"].as_u64().unwrap(), "{path}");
        // The heading says what every reader sees: a moderator's too.
        for moderator in fixture["relays"]["moderators"].as_array().into_iter().flatten() {
            assert_eq!(heading_count(&fixture, moderator.as_str()), count, "{path}, as the moderator {moderator}");
        }
        for (code, phrase) in fixture["phrases"].as_object().unwrap() {
            let lang = Lang::from_tag(code).unwrap();
            assert_eq!(Text::cldr(lang).comments(count), phrase.as_str().unwrap(), "{path}, {code}");
        }
    }
}
