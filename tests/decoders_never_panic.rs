//! Every decoder of untrusted text (stored entries, other tabs' storage
//! events, import files, host articles, comment text, ids, relays' events,
//! outbox entries, sharing settings, the HTML of a Disqus or WordPress
//! export) gets arbitrary
//! input and must answer with a value or a typed error, never a panic.
//! Whatever a decoder accepts still meets the posting rules. A failing case
//! that proptest finds is saved under `proptest-regressions/` and replayed on
//! every later run; the fixed cases below are the classic hostile inputs.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::import::html_text::{self, Marks, Newlines};
use agora::model::nostr::outbox::OutboxSlot;
use agora::model::nostr::settings::SharingSettings;
use agora::model::nostr::{Event, Own, Shared};
use agora::model::storage::export::{Identity, export, read_import};
use agora::model::storage::load::outbox_entries;
use agora::model::storage::packed;
use agora::model::writing::format::parse;
use agora::model::writing::validate::{NAME_LIMITS, TEXT_LIMITS, length};
use agora::model::{
    Article, Comment, CommentId, Draft, FxHashSet, Keys, StoredRecord, Thread, ThreadId, heard_from_event, load,
};
use proptest::prelude::*;

fn thread_id() -> ThreadId {
    ThreadId::parse("fuzz").unwrap()
}

/// Feeds one input to every decoder; checks what is accepted.
fn decode_everything(input: &str) {
    if let Ok(comment) = StoredRecord::decode("abc-1", input) {
        assert_meets_the_rules(&comment);
    }
    if let Ok(import) = read_import(&thread_id(), input) {
        import.comments.iter().for_each(assert_meets_the_rules);
    }
    let _ = Article::from_json(input);
    let _ = parse(input);
    convert_html(input);
    let keys = Keys::new(&thread_id());
    for key in ["agora:v1:fuzz:c:abc-1", "agora:v1:fuzz:like:abc-1", "agora:v1:sort", input] {
        let _ = heard_from_event(&keys, Some(key), Some(input));
        load(&keys, [(key, input)]).comments.iter().for_each(assert_meets_the_rules);
    }
    let _ = ThreadId::parse(input);
    let _ = CommentId::parse(input);
    // Whatever the packed reader yields is a piece of its input.
    for (key, value) in packed::entries(input) {
        assert!(input.contains(key) && input.contains(value));
    }
    // A relay's event: checked; and, even unchecked, merged into a thread's
    // shared view only as comments that meet the posting rules.
    let _ = Event::verified(input);
    if let Ok(event) = serde_json::from_str::<Event>(input) {
        let mut shared = Shared::new("https://fuzz.example/a", &["f".repeat(64)]);
        shared.insert(event, u64::MAX);
        shared.view(&Own::default(), true).comments.iter().filter(|c| !c.deleted).for_each(|comment| {
            assert!((1..=NAME_LIMITS.max).contains(&length(comment.author())), "{comment:?}");
            assert!((1..=TEXT_LIMITS.max).contains(&length(comment.text())));
        });
    }
    let _ = outbox_entries(&[(input.to_string(), input.to_string()), ("comment-abc-1".into(), input.to_string())]);
    let _ = OutboxSlot::parse(input);
    let host = SharingSettings::from_text(|_| Some(input));
    let (sharing, _) = host.resolve(SharingSettings::default());
    assert!(sharing.relays.iter().all(|relay| relay.starts_with("wss://") || relay.starts_with("ws://")));
}

/// An event as a relay sends it, signed by nostr-tools (tests/fixtures/nostr/).
fn valid_event() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let fixtures: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/tests/fixtures/nostr/events.json")).unwrap())
            .unwrap();
    let mut event = fixtures["events"][0].clone();
    event.as_object_mut().unwrap().remove("serialization");
    event.to_string()
}

fn assert_meets_the_rules(comment: &Comment) {
    if comment.deleted {
        return;
    }
    assert!((1..=NAME_LIMITS.max).contains(&length(comment.author())), "{comment:?}");
    assert!((1..=TEXT_LIMITS.max).contains(&length(comment.text())));
    assert_eq!(comment.author().trim(), comment.author());
    assert!(comment.posted_at().is_some_and(|at| at.is_finite() && at > 0.0));
}

fn valid_record() -> String {
    r#"{"v":1,"id":"abc-1","author":"Ann","text":"Hello **there**","at":1732460000000,"parent":"seed-2","edited":1732460000500}"#.into()
}

fn valid_export() -> String {
    let mut thread = Thread::default();
    let valid = |name: &str, text: &str| Draft { name: name.into(), text: text.into() }.check().unwrap();
    let a = Comment::posted(CommentId::parse("a-1").unwrap(), valid("Ann", "Hi"), 5.0, None);
    let b = Comment::posted(CommentId::parse("b-1").unwrap(), valid("Bob", "Yo"), 6.0, Some(a.id.clone()));
    thread.set_posted(vec![a.clone(), b.tombstone()], FxHashSet::from_iter([a.id]));
    export(&thread_id(), &thread, 7.0, Some(Identity { key: "a".repeat(64), events: Vec::new() }))
}

/// Exported comment HTML becomes agora text: trimmed, and no markup of its
/// own is left (a `<` in the text was one in the input's text or entities).
fn convert_html(input: &str) {
    for marks in [Marks::Formatted, Marks::Plain] {
        for newlines in [Newlines::Html, Newlines::WordPress] {
            let text = html_text::convert(input, marks, newlines);
            assert_eq!(text.trim_end(), text);
            assert!(!text.contains('\r'));
            assert!(text.matches('<').count() <= input.matches('<').count() + input.matches('&').count());
        }
    }
}

/// Tags, entities and text as exports hold them, in any order and nesting.
fn html_soup() -> impl Strategy<Value = String> {
    let pieces = [
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<i>",
        "</em>",
        "<code>",
        "</code>",
        "<br>",
        "<br/>",
        "<blockquote>",
        "</blockquote>",
        "<ul>",
        "<li>",
        "</li>",
        "</ul>",
        "<pre>",
        "</pre>",
        "<a href=\"https://x.org/a\">",
        "<a href='javascript:x'>",
        "</a>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<",
        ">",
        "&amp;",
        "&#x1F44D;",
        "&#0;",
        "&nbsp;",
        "&",
        ";",
        " ",
        "\n",
        "\n\n",
        "\r",
        "text",
        "é",
        "*",
        "`",
        "> ",
        "https://y.org/…",
        "…",
    ];
    proptest::collection::vec(proptest::sample::select(pieces.to_vec()), 0..80).prop_map(|p| p.concat())
}

/// Characters that JSON and the formatting syntax give meaning to.
fn json_soup() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "[]{}\":,.0123456789eE+-\\ntrufalsv *`>\n\u{0}\u{202e}é👍".chars().collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..400).prop_map(|c| c.into_iter().collect())
}

/// A valid input, cut short, spliced or with a range replaced.
fn mutated(valid: String) -> impl Strategy<Value = String> {
    (0..=valid.len(), 0..=valid.len(), ".{0,12}").prop_map(move |(a, b, insert)| {
        let (from, to) = (a.min(b), a.max(b));
        let bytes = valid.as_bytes();
        let mut out = bytes[..from].to_vec();
        out.extend_from_slice(insert.as_bytes());
        out.extend_from_slice(&bytes[to..]);
        String::from_utf8_lossy(&out).into_owned()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        decode_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_shaped_soup(input in json_soup()) {
        decode_everything(&input);
    }

    #[test]
    fn export_html_soup(input in html_soup()) {
        convert_html(&input);
    }

    #[test]
    fn damaged_records(input in mutated(valid_record())) {
        decode_everything(&input);
    }

    #[test]
    fn damaged_exports(input in mutated(valid_export())) {
        decode_everything(&input);
    }

    #[test]
    fn damaged_events(input in mutated(valid_event())) {
        decode_everything(&input);
    }

    #[test]
    fn packed_entries_come_back_as_they_went_in(pairs in proptest::collection::vec((".{0,40}", ".{0,120}"), 0..20)) {
        let packed = packed::pack(pairs.iter().map(|(key, value)| (key.as_str(), value.as_str())));
        let read: Vec<(String, String)> = packed::entries(&packed).map(|(k, v)| (k.to_string(), v.to_string())).collect();
        prop_assert_eq!(read, pairs);
    }

    #[test]
    fn records_with_any_field_values(
        v in any::<u32>(), id in ".{0,45}", author in ".{0,60}", text in ".{0,80}",
        at in any::<f64>(), parent in proptest::option::of(".{0,45}"), edited in proptest::option::of(any::<f64>()),
        deleted in any::<bool>(),
    ) {
        let record = StoredRecord { v, id: id.clone(), author, text, at, parent, edited, deleted };
        if let Ok(json) = serde_json::to_string(&record)
            && let Ok(comment) = StoredRecord::decode(&id, &json)
        {
            assert_meets_the_rules(&comment);
            prop_assert_eq!(comment.id.as_str(), id.as_str());
        }
    }
}

#[test]
fn huge_numbers_wrong_types_and_nulls() {
    for input in [
        r#"{"v":1,"id":"abc-1","author":"A","text":"B","at":1e400}"#,
        r#"{"v":1e20,"id":"abc-1","author":"A","text":"B","at":5}"#,
        r#"{"v":-1,"id":"abc-1","author":"A","text":"B","at":5}"#,
        r#"{"v":1,"id":"abc-1","author":"A","text":"B","at":"5"}"#,
        r#"{"v":1,"id":"abc-1","author":null,"text":"B","at":5}"#,
        r#"{"v":1,"id":["abc-1"],"author":"A","text":"B","at":5}"#,
        r#"{"v":1,"id":"abc-1","author":"A","text":"B","at":5,"parent":7}"#,
        r#"{"format":"agora-export","version":1,"thread":"fuzz","exported_at":1,"comments":{},"likes":[]}"#,
        r#"{"id":"a","title":"T","paragraphs":[1,2]}"#,
        "null",
        "[]",
        "\"\"",
        "1",
        "",
    ] {
        decode_everything(input);
    }
}

#[test]
fn deeply_nested_arrays_and_objects() {
    for depth in [100, 10_000, 200_000] {
        decode_everything(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        decode_everything(&"{\"a\":".repeat(depth));
        decode_everything(&format!("{}x{}", "**".repeat(depth), "*".repeat(depth)));
        decode_everything(&format!("{}quote", "> ".repeat(depth)));
    }
}

#[test]
fn multi_megabyte_strings() {
    let huge = "x".repeat(3 * 1024 * 1024);
    let record = format!(r#"{{"v":1,"id":"abc-1","author":"A","text":"{huge}","at":5}}"#);
    assert!(StoredRecord::decode("abc-1", &record).is_err());
    decode_everything(&record);
    decode_everything(&"`".repeat(1024 * 1024));
    decode_everything(&"https://".repeat(200_000));
    let file = valid_export().replace("\"Hi\"", &format!("\"{huge}\""));
    assert!(read_import(&thread_id(), &file).is_err());
}
