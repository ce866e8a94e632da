//! Stored data written by every released format version must keep loading.
//! The fixtures under `tests/fixtures/` are never edited: a new version adds
//! its own folder, and this test loads every older fixture through the
//! migration that version brings (see `agora::model::storage::record`).
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::model::storage::export::read_import;
use agora::model::{CommentId, DraftSlot, Keys, Sort, StoredRecord, Thread, ThreadId, Tree, load};
use std::collections::BTreeMap;

fn fixture(path: &str) -> String {
    // CARGO_MANIFEST_DIR read at run time: the test binary may have been built
    // in another checkout that shares the target directory.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let path = format!("{root}/tests/fixtures/{path}");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("fixture {path} is missing: {error}"))
}

fn id(s: &str) -> CommentId {
    CommentId::parse(s).unwrap()
}

#[test]
fn v1_storage_loads_whole() {
    let entries: BTreeMap<String, String> = serde_json::from_str(&fixture("v1/storage.json")).unwrap();
    // Version 1 is today's format: its entries are read as they are.
    let stored: BTreeMap<String, String> =
        entries.iter().filter(|(k, _)| k.starts_with("agora:v1:")).map(|(k, v)| (k.clone(), v.clone())).collect();
    assert_eq!(stored.len(), entries.len() - 1, "every agora entry is read; the host's key is left alone");

    let thread_id = ThreadId::parse("fixture-thread").unwrap();
    let keys = Keys::new(&thread_id);
    let loaded = load(&keys, stored.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    assert_eq!(loaded.unusable, []);
    for comment in &loaded.comments {
        // Today's encoder writes the fixture byte for byte: the format has not drifted.
        let encoded = serde_json::to_string(&StoredRecord::from_comment(comment).unwrap()).unwrap();
        assert_eq!(encoded, stored[&keys.comment(&comment.id)]);
    }
    assert_eq!(loaded.comments.len(), 4);
    let expected_drafts = [
        (DraftSlot::New, "Half a thought".to_string()),
        (DraftSlot::Reply(id("seed-3")), "A reply in progress".to_string()),
    ];
    assert_eq!(loaded.drafts, expected_drafts);
    assert_eq!(
        serde_json::from_str::<String>(&stored[Keys::SORT]).ok().and_then(|s| Sort::parse(&s)),
        Some(Sort::Newest)
    );

    let mut thread = Thread::default();
    thread.set_posted(loaded.comments, loaded.liked);
    let tree = Tree::build(&thread, Sort::Oldest);
    assert_eq!(tree.count(), 3, "three comments and one placeholder");
    assert_eq!(tree.node(&id("m3k9x2b7-19zz")).unwrap().parent, Some(id("m3k9x2a1-4f2a")));
    assert!(tree.node(&id("m3k9x2b7-19zz")).unwrap().comment.edited_at.is_some());
    assert!(tree.node(&id("m3k9x2c0-0001")).unwrap().comment.deleted);
    assert!(tree.node(&id("m3k9x2a1-4f2a")).unwrap().liked);
}

#[test]
fn v1_export_imports() {
    let thread_id = ThreadId::parse("fixture-thread").unwrap();
    let import = read_import(&thread_id, &fixture("v1/export.json")).unwrap();
    assert_eq!(import.comments.len(), 2);
    assert_eq!(import.comments[1].text(), "A **reply**, edited later.\nSecond line.");
    assert_eq!(import.likes, [id("m3k9x2a1-4f2a"), id("seed-1")]);
}
