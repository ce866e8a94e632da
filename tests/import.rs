//! `agora-import` as a site owner runs it: the built binary on the Disqus
//! and WordPress fixtures (`tests/fixtures/import/`), the files it writes
//! read back with agora's own article parser, the summary it prints, and a
//! malformed export that must write nothing.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use agora::model::article::Article;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    // CARGO_MANIFEST_DIR read at run time: the test binary may have been built
    // in another checkout that shares the target directory.
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
    Path::new(&root).join("tests/fixtures/import").join(name)
}

/// A fresh, empty scratch folder for one test (removed again when dropped).
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("agora-import-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agora-import")).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The summary's count on the line `label: n`.
fn count(summary: &str, label: &str) -> usize {
    let line = summary.lines().find(|line| line.trim_start().starts_with(&format!("{label}:"))).unwrap_or_else(|| {
        panic!("no line {label:?} in the summary:\n{summary}");
    });
    line.rsplit(':').next().unwrap().trim().parse().unwrap()
}

/// The files of `folder`, sorted, each parsed as agora parses an article.
fn articles(folder: &Path) -> Vec<(String, Article, String)> {
    let mut files: Vec<_> = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let json = std::fs::read_to_string(&path).unwrap();
            let article = Article::from_json(&json).unwrap_or_else(|why| panic!("{}: {why:?}", path.display()));
            (path.file_name().unwrap().to_string_lossy().into_owned(), article, json)
        })
        .collect()
}

/// (id, parent) of each comment of an article's JSON, in order.
fn threading(json: &str) -> Vec<(String, Option<String>)> {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    value["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["parent"].as_str().map(String::from)))
        .collect()
}

fn pairs(expected: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    expected.iter().map(|(id, parent)| (id.to_string(), parent.map(String::from))).collect()
}

#[test]
fn a_disqus_export_becomes_one_article_per_thread() {
    let scratch = Scratch::new("disqus");
    let out = scratch.0.join("comments");
    let output = run(&[&fixture("disqus.xml"), &out]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert_eq!(count(&summary, "threads written"), 2, "{summary}");
    assert_eq!(count(&summary, "comments written"), 6, "{summary}");
    assert_eq!(count(&summary, "deleted"), 2, "{summary}");
    assert_eq!(count(&summary, "spam"), 1, "{summary}");
    assert_eq!(count(&summary, "empty"), 1, "{summary}");
    assert_eq!(count(&summary, "threads without comments"), 1, "{summary}");

    let articles = articles(&out);
    let names: Vec<&str> = articles.iter().map(|(name, _, _)| name.as_str()).collect();
    assert_eq!(names, ["hello-world.json", "second-post.json"]);

    let (_, hello, json) = &articles[0];
    assert_eq!(hello.id, "hello-world");
    assert_eq!(hello.title, "Hello world & welcome");
    assert!(json.contains(r#""url": "https://blog.example.com/2019/03/hello-world/""#), "{json}");
    // Four levels of replies; the reply to the deleted comment hangs under its parent's parent.
    assert_eq!(
        threading(json),
        pairs(&[
            ("disqus-7001", None),
            ("disqus-7002", Some("disqus-7001")),
            ("disqus-7003", Some("disqus-7002")),
            ("disqus-7004", Some("disqus-7003")),
            ("disqus-7006", Some("disqus-7001")),
        ])
    );
    let authors: Vec<&str> = hello.comments.iter().map(|c| c.author.as_str()).collect();
    assert_eq!(authors, ["Ann", "Bo", "cy", "Dee", "Fay"]);
    assert_eq!(
        hello.comments[0].text,
        "First! Tom & Jerry say **hello** — see the page (https://example.org/page).\n\nSecond paragraph."
    );
    assert_eq!(hello.comments[2].text, "Third level, *quoting*:\n\n> Reply to Ann");
    assert!(json.contains(r#""date": "2019-03-04T10:00:00Z""#), "{json}");
    // Left out, and never written: the deleted and spam comments, scripts, emails, IP addresses.
    for absent in ["This was deleted", "watches", "alert", "@example.net", "198.51.100", "<"] {
        assert!(!json.contains(absent), "{absent:?} in {json}");
    }

    let (_, second, json) = &articles[1];
    assert_eq!(second.paragraphs, ["What the second post is about."]);
    assert_eq!(second.comments.len(), 1);
    // Escaped markup is text (agora shows it as text), never a tag.
    assert_eq!(second.comments[0].text, "On the second post: <b>not bold</b> and `x < y`");
    assert!(!json.contains("only a script"));
}

#[test]
fn a_wordpress_export_keeps_approved_comments_of_posts_and_pages() {
    let scratch = Scratch::new("wordpress");
    let out = scratch.0.join("comments");
    let output = run(&[&fixture("wordpress.xml"), &out]);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert_eq!(count(&summary, "threads written"), 3, "{summary}");
    assert_eq!(count(&summary, "comments written"), 5, "{summary}");
    assert_eq!(count(&summary, "deleted"), 1, "{summary}");
    assert_eq!(count(&summary, "spam"), 1, "{summary}");
    assert_eq!(count(&summary, "unapproved"), 1, "{summary}");
    assert_eq!(count(&summary, "pingbacks and trackbacks"), 1, "{summary}");
    assert_eq!(count(&summary, "empty"), 1, "{summary}");
    assert_eq!(count(&summary, "threads without comments"), 1, "{summary}");
    assert_eq!(count(&summary, "items that are not published posts or pages"), 2, "{summary}");

    let articles = articles(&out);
    let names: Vec<&str> = articles.iter().map(|(name, _, _)| name.as_str()).collect();
    // The page, the post, and the post whose URL has no slug (named by its post id).
    assert_eq!(names, ["about.json", "hello-world.json", "wp-5.json"]);

    let (_, about, _) = &articles[0];
    assert_eq!(about.paragraphs, ["About this site."]);
    assert_eq!(about.comments[0].author, "Anonymous");
    assert_eq!(about.comments[0].text, "Nice page.\n\n- one\n- two");

    let (_, hello, json) = &articles[1];
    assert_eq!(hello.title, "Hello world!");
    assert_eq!(
        hello.paragraphs,
        ["Welcome to WordPress. This is your first post.", "Edit or delete it, then start writing!"]
    );
    // The reply to the comment in moderation hangs under that comment's parent.
    assert_eq!(threading(json), pairs(&[("wp-1", None), ("wp-2", Some("wp-1")), ("wp-4", Some("wp-2"))]));
    assert_eq!(
        hello.comments[0].text,
        "First!\nGlad to be here.\n\nA new paragraph with *emphasis* & a link: https://example.org/x"
    );
    assert!(json.contains(r#""date": "2019-03-04T10:00:00Z""#), "{json}");
    // A GMT date of zeros is no date: left out, not made up.
    let undated = json.split(r#""id": "wp-4""#).nth(1).unwrap();
    assert!(!undated.contains("\"date\""), "{json}");
    for absent in ["Still in moderation", "Cheap watches", "Binned", "linking-post", "@example.net", "198.51.100"] {
        assert!(!json.contains(absent), "{absent:?} in {json}");
    }

    let (_, ugly, json) = &articles[2];
    assert_eq!(ugly.paragraphs, ["Typed without paragraphs.", "WordPress adds them when it shows the post."]);
    // Its first comment was empty; the reply to it is at the top level.
    assert_eq!(threading(json), pairs(&[("wp-11", None)]));
}

#[test]
fn a_malformed_export_writes_nothing_and_says_where() {
    let scratch = Scratch::new("malformed");
    let out = scratch.0.join("comments");
    let output = run(&[&fixture("malformed.xml"), &out]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(error.contains("malformed.xml line 11"), "{error}");
    assert!(error.contains("</pots>"), "{error}");
    assert!(!out.exists());
    // Nothing left beside it either: no temporary folder.
    assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 0);

    let output = run(&[&fixture("no-thread.xml"), &out]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(error.contains("no-thread.xml line 7, column 3: <post dsq:id=\"2\"> has no <thread>"), "{error}");
    assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 0);
}

#[test]
fn an_output_folder_with_files_is_refused() {
    let scratch = Scratch::new("not-empty");
    let out = scratch.0.join("comments");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("mine.json"), "{}").unwrap();
    let output = run(&[&fixture("disqus.xml"), &out]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("must not exist yet or be empty"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 1);

    // An empty one is filled.
    std::fs::remove_file(out.join("mine.json")).unwrap();
    let output = run(&[&fixture("disqus.xml"), &out]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 2);
}

#[test]
fn help_and_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_agora-import")).arg("--help").output().unwrap();
    assert!(output.status.success());
    assert!(stdout(&output).starts_with("usage: agora-import <export.xml> <out-folder>"));
    let output = Command::new(env!("CARGO_BIN_EXE_agora-import")).output().unwrap();
    assert!(!output.status.success());
    assert!(stderr(&output).contains("usage:"));
    // Neither a Disqus nor a WordPress export.
    let scratch = Scratch::new("other");
    let feed = scratch.0.join("feed.xml");
    std::fs::write(&feed, "<rss version=\"2.0\"><channel/></rss>").unwrap();
    let output = run(&[&feed, &scratch.0.join("out")]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("its root is <rss>"), "{}", stderr(&output));
    assert!(!scratch.0.join("out").exists());
}
