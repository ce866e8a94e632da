//! Stored data written by every released format version must keep loading.
//! The fixtures under `tests/fixtures/` are never edited: a new version adds
//! its own folder, and this test migrates every older fixture to the current
//! version (see `agora::model::migrate`).
#![cfg(not(target_arch = "wasm32"))]

use agora::model::export::read_import;
use agora::model::migrate::migrate;
use agora::model::{CommentId, Keys, Kind, Sort, StoredRecord, Thread, ThreadId, Tree};
use std::collections::{BTreeMap, HashSet};

fn fixture(path: &str) -> String {
    // CARGO_MANIFEST_DIR read at run time: the test binary may have been built
    // in another checkout that shares the target directory.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    std::fs::read_to_string(format!("{root}/tests/fixtures/{path}")).unwrap()
}

fn id(s: &str) -> CommentId {
    CommentId::parse(s).unwrap()
}

#[test]
fn v1_storage_migrates_and_loads_whole() {
    let entries: BTreeMap<String, String> = serde_json::from_str(&fixture("v1/storage.json")).unwrap();
    let migrated: BTreeMap<String, String> = entries.iter().filter_map(|(k, v)| migrate(k, v)).collect();
    assert_eq!(migrated.len(), entries.len() - 1, "every agora entry migrates; the host's key is left alone");

    let thread_id = ThreadId::parse("fixture-thread").unwrap();
    let keys = Keys::new(&thread_id);
    let (mut comments, mut liked, mut drafts) = (Vec::new(), HashSet::new(), Vec::new());
    for (key, value) in &migrated {
        match keys.parse(key) {
            Some((Kind::Comment, name)) => {
                let comment = StoredRecord::decode(name, value).unwrap();
                // Today's encoder writes the fixture byte for byte: the format has not drifted.
                assert_eq!(&serde_json::to_string(&StoredRecord::from_comment(&comment).unwrap()).unwrap(), value);
                comments.push(comment);
            }
            Some((Kind::Like, name)) => {
                liked.insert(id(name));
            }
            Some((Kind::Draft, name)) => drafts.push((name, serde_json::from_str::<String>(value).unwrap())),
            _ => {}
        }
    }
    assert_eq!(comments.len(), 4);
    assert_eq!(drafts, [("new", "Half a thought".to_string()), ("reply-seed-3", "A reply in progress".to_string())]);
    assert_eq!(serde_json::from_str::<String>(&migrated[Keys::SORT]).ok().and_then(|s| Sort::parse(&s)), Some(Sort::Newest));

    let mut thread = Thread::default();
    thread.set_posted(comments, liked);
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
    assert_eq!(import.comments[1].text, "A **reply**, edited later.\nSecond line.");
    assert_eq!(import.likes, [id("m3k9x2a1-4f2a"), id("seed-1")]);
}
