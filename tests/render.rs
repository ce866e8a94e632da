//! `agora-render` as a site owner runs it: the built binary on an article
//! file, its element written to a file or to stdout, and articles or
//! settings it must refuse, in words, writing nothing.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh, empty scratch folder for one test (removed again when dropped).
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let path = std::env::temp_dir().join(format!("agora-render-test-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Scratch(path)
    }

    fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.0)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn render(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agora-render")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const ARTICLE: &str =
    r#"{"id":"story","title":"A story","paragraphs":["Text"],"comments":[{"author":"Ann","text":"Hello"}]}"#;

#[test]
fn writes_the_element_to_a_file_whole() {
    let dir = Scratch::new("writes");
    let article = dir.file("story.json", ARTICLE);
    let out = dir.0.join("story.html");
    let output = render(&[
        "--assets",
        "https://cdn.example/agora/",
        "--out",
        out.to_str().unwrap(),
        article.to_str().unwrap(),
        "src=/comments/story.json",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    // Its build asked for as the page is read, then the element.
    assert!(html.starts_with(r#"<link rel="modulepreload" href="https://cdn.example/agora/agora.js"><link rel="preload" as="fetch" crossorigin href="https://cdn.example/agora/agora_bg.wasm" type="application/wasm"><agora-thread src="/comments/story.json"><template shadowrootmode="open">"#), "{html}");
    assert!(html.contains(">1 Comment</h2>") && html.contains(">Hello</p>"));
    assert_eq!(dir.files(), ["story.html", "story.json"], "no partial file left beside it");
}

#[test]
fn writes_to_stdout_and_ages_comments_as_of_now() {
    let dir = Scratch::new("stdout");
    let dated = ARTICLE.replace(r#""text":"Hello""#, r#""text":"Hello","id":"c1","date":"2026-12-01T10:00:00Z""#);
    let article = dir.file("story.json", &dated);
    let output =
        render(&["--assets", "/agora", "--now", "2026-12-07T10:00:00Z", article.to_str().unwrap(), "src=/s.json"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert!(html.contains(r#"href="/agora/agora.css""#), "{html}");
    assert!(html.contains(">6 days ago<"), "{html}");
}

#[test]
fn a_bad_article_or_setting_is_refused_in_words_and_nothing_is_written() {
    let dir = Scratch::new("refuses");
    let out = dir.0.join("story.html");
    let out = out.to_str().unwrap();
    let cases: [(&str, &[&str], &str); 5] = [
        ("{\"title\": \"cut", &["src=/s.json"], "not valid JSON (line 1"),
        (r#"{"id":"x","title":"No paragraphs"}"#, &["src=/s.json"], "paragraphs"),
        (ARTICLE, &[], "needs src="),
        (ARTICLE, &["src=/s.json", "theme=pink"], "theme: \"pink\""),
        (ARTICLE, &["src=/s.json", "strings=/mine.json"], "strings: "),
    ];
    for (json, attributes, why) in cases {
        let article = dir.file("story.json", json);
        let mut args = vec!["--assets", "/agora/", "--out", out, article.to_str().unwrap()];
        args.extend_from_slice(attributes);
        let output = render(&args);
        assert_eq!(output.status.code(), Some(1), "{json} {attributes:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(why) && stderr.contains("nothing was written"), "{stderr}");
        assert!(output.stdout.is_empty());
        assert_eq!(dir.files(), ["story.json"], "{json} {attributes:?}");
    }
    // A missing file and a bad option: said, and nothing written either.
    let output = render(&["--assets", "/agora/", "--out", out, "missing.json", "src=/s.json"]);
    assert!(text(&output.stderr).contains("missing.json"));
    let output = render(&["--out", out, "story.json", "src=/s.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--assets"));
    assert_eq!(dir.files(), ["story.json"]);
    assert!(Path::new(&dir.0).join("story.json").is_file());
}
