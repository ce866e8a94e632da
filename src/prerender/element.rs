//! An `<agora-thread>` element with its content written in: the article and
//! its thread in a declarative shadow root (`<template shadowrootmode="open">`),
//! which the browser attaches and paints as it parses the page, before any
//! script. `public/embed.js` then mounts the app beside it and, once the app
//! shows the same thread, swaps it in (typed text and focus carried over).
//! Written by `agora-render` for a site's static build or templates.
//!
//! A shared thread (relays in the attributes or the article) is written as
//! its relays hold it now ([`super::snapshot`]), with the relay build's
//! views; `embed.js` hands over once the relay layer has every relay's answer.

use super::snapshot::{self, Snapshot};
use super::{Part, Widget};
use crate::config::{ArticleSource, Config, Problem};
use crate::model::nostr::scope::canonical_url;
use crate::model::nostr::settings::SharingSettings;
use crate::model::nostr::shared::Shared;
use crate::model::writing::markup::escape;
use crate::model::{Article, ArticleError, Lang, Text, ThreadId};

/// The element's attributes a prerendered element may carry, in the order
/// they are written: those of `<agora-thread>` that say which thread it is,
/// how it looks and how it is shared (`public/embed.js`).
pub const ATTRIBUTES: [&str; 10] =
    ["thread", "src", "theme", "lang", "loading", "relays", "moderators", "pow", "url", "moderation"];

/// The element, and the relays that could not be read (where the thread is
/// shared and some relay, not all, failed: what the others held is written).
#[derive(Debug)]
pub struct Rendered {
    pub html: String,
    pub unread_relays: Vec<(String, String)>,
}

/// What keeps an element from being written. Nothing is written then.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// The article file could not be read as an article (in words, as the
    /// widget would say it).
    Article(String),
    /// The element has no `src`: the app would show the built-in article
    /// instead of the one written in.
    NoSource,
    /// An attribute the element has no use for, or cannot be written ahead
    /// of time (the site's own `strings`, `mode="iframe"`).
    Unsupported(String),
    /// A value the widget would not use (in words).
    BadValue { name: &'static str, why: String },
    /// No relay of a shared thread could be read (each with why).
    Relays(Vec<(String, String)>),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Article(why) => f.write_str(why),
            RenderError::NoSource => f.write_str(
                "the element needs src=\"…\": the address the page serves this article from, which the app reads when it starts",
            ),
            RenderError::Unsupported(name) => write!(f, "{name}: {}", unsupported_why(name)),
            RenderError::BadValue { name, why } => write!(f, "{name}: {why}"),
            RenderError::Relays(failures) => {
                f.write_str("no relay of the thread could be read (")?;
                let reasons: Vec<String> = failures.iter().map(|(relay, why)| format!("{relay}: {why}")).collect();
                write!(f, "{})", reasons.join("; "))
            }
        }
    }
}

fn unsupported_why(name: &str) -> &'static str {
    match name {
        "strings" => {
            "a site's own interface text is not written ahead of time; leave it out, or use the widget without prerendering"
        }
        "mode" => "an iframe is its own page, with its own first screen; prerendering is for the element's shadow root",
        _ => "not an attribute of <agora-thread> that can be written ahead of time",
    }
}

/// The element, as it goes into the host's page. `attributes`: name and
/// value pairs as the site owner would write them on `<agora-thread>`;
/// `article_json`: the article file `src` serves; `assets`: where agora's
/// files are (`embed.js`, `agora.css`); `now_ms`: the moment it is written.
pub fn render(
    article_json: &str,
    attributes: &[(String, String)],
    assets: &str,
    now_ms: f64,
) -> Result<Rendered, RenderError> {
    for (name, _) in attributes {
        if !ATTRIBUTES.contains(&name.as_str()) {
            return Err(RenderError::Unsupported(name.clone()));
        }
    }
    let value = |name: &str| attributes.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.clone());
    // The widget's own reading of its settings, so that what is written is
    // what it will show.
    let config = Config::from_settings(value);
    if let Some(Problem::UnknownTheme(theme)) = config.problems.first() {
        return Err(RenderError::BadValue { name: "theme", why: format!("\"{theme}\" is not light, dark or auto") });
    }
    let ArticleSource::Url(src) = &config.article else { return Err(RenderError::NoSource) };
    let article = Article::from_json(article_json).map_err(|error| describe(src, &error))?;
    let thread_id = ThreadId::parse(config.thread.as_deref().unwrap_or(&article.id)).map_err(|error| {
        RenderError::BadValue { name: "thread", why: Text::english().bad_thread(&error.0, ThreadId::MAX_LEN) }
    })?;
    if assets.is_empty() {
        return Err(RenderError::BadValue { name: "assets", why: "where agora's files are is needed".into() });
    }
    let assets = if assets.ends_with('/') { assets.to_string() } else { format!("{assets}/") };
    // As the element negotiates it, without the reader's languages: the
    // written text is in `lang`, else English. A `lang` agora has no text
    // for would leave the choice to each reader's browser.
    if let Some(tag) = config.lang.as_deref().filter(|tag| Lang::from_tag(tag).is_none()) {
        let known: Vec<&str> = Lang::ALL.iter().map(|lang| lang.code()).collect();
        return Err(RenderError::BadValue {
            name: "lang",
            why: format!(
                "agora has no text in \"{tag}\" (it has {}): the widget would show each reader's own language",
                known.join(", ")
            ),
        });
    }
    let lang = Lang::negotiate(config.lang.as_deref(), None, &[]);
    let text = Text::cldr(lang);
    let snapshot = read_relays(attributes, &article, text)?;
    let widget =
        Widget { article: &article, thread_id: &thread_id, text, theme: config.theme, now_ms, part: Part::Whole };
    // The build the element will load, asked for as the page is read rather
    // than once embed.js has run: the same requests as embed.js then makes
    // (a module, and a CORS fetch), so the browser uses these answers.
    let build = if snapshot.is_some() { "agora-relays" } else { "agora" };
    let assets_attr = escape(&assets);
    let mut html = format!(
        "<link rel=\"modulepreload\" href=\"{assets_attr}{build}.js\"><link rel=\"preload\" as=\"fetch\" crossorigin href=\"{assets_attr}{build}_bg.wasm\" type=\"application/wasm\"><agora-thread"
    );
    for name in ATTRIBUTES {
        if let Some(value) = value(name) {
            html.push_str(&format!(" {name}=\"{}\"", escape(&value)));
        }
    }
    let unread_relays = snapshot.as_ref().map(|s| s.failed.clone()).unwrap_or_default();
    let content = widget.to_html_with(|discussion| {
        if let Some(Snapshot { view, .. }) = snapshot {
            discussion.show_written_ahead(view.comments, view.likes);
        }
    });
    html.push_str(&format!(
        "><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{assets_attr}agora.css\">{content}</template></agora-thread>",
    ));
    Ok(Rendered { html, unread_relays })
}

/// What a shared thread's relays hold now, read with the settings the widget
/// will use (the host's over the article's); `None` for a thread that is
/// not shared.
fn read_relays(
    attributes: &[(String, String)],
    article: &Article,
    text: Text,
) -> Result<Option<Snapshot>, RenderError> {
    let host = SharingSettings::from_text(|name| {
        attributes.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    });
    let (sharing, problems) = host.resolve(article.sharing.clone());
    if let Some(problem) = problems.first() {
        return Err(RenderError::BadValue {
            name: "relays, moderators, pow or moderation",
            why: text.sharing_problem(problem),
        });
    }
    if sharing.relays.is_empty() {
        return Ok(None);
    }
    // The widget falls back on the page's address, which is not known here.
    let Some(url) = sharing.url else {
        return Err(RenderError::BadValue {
            name: "url",
            why: "a shared thread needs url=\"…\": the page's address (its canonical URL), which names the thread on relays".into(),
        });
    };
    let shared = Shared::new(&canonical_url(&url), &sharing.moderators);
    let shared = if sharing.approve { shared.approving() } else { shared };
    snapshot::read(&sharing.relays, shared).map(Some).map_err(RenderError::Relays)
}

fn describe(src: &str, error: &ArticleError) -> RenderError {
    RenderError::Article(Text::english().article_error(src, error))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: f64 = 1_765_065_600_000.0; // 2025-12-07T00:00:00Z

    fn attributes(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect()
    }

    fn article(comments: &str) -> String {
        format!(r#"{{"id":"story","title":"A <b>story</b>","paragraphs":["Text & more"],"comments":[{comments}]}}"#)
    }

    #[test]
    fn the_element_carries_its_attributes_and_the_whole_widget_in_a_declarative_shadow_root() {
        let json = article(r#"{"author":"Ann","text":"Hello"}"#);
        let html = render(
            &json,
            &attributes(&[("src", "/a.json?x=1&y=\"2\""), ("thread", "t-1"), ("theme", "dark")]),
            "https://cdn.example/agora",
            NOW,
        )
        .unwrap()
        .html;
        assert!(
            html.starts_with(r#"<link rel="modulepreload" href="https://cdn.example/agora/agora.js"><link rel="preload" as="fetch" crossorigin href="https://cdn.example/agora/agora_bg.wasm" type="application/wasm"><agora-thread thread="t-1" src="/a.json?x=1&amp;y=&quot;2&quot;" theme="dark"><template shadowrootmode="open"><link rel="stylesheet" href="https://cdn.example/agora/agora.css"><div data-theme="dark" lang="en" dir="ltr" data-first-screen="" class="agora">"#),
            "{html}"
        );
        assert!(html.ends_with("</div></template></agora-thread>"));
        assert!(html.contains(">1 Comment</h2>"));
        // The composer is written too: it would push the host's content down when it appeared.
        // Its form submits nowhere until the widget has it.
        assert!(html.contains(r#"<form method="dialog" part="composer""#), "{html}");
    }

    #[test]
    fn reader_text_stays_text() {
        let json =
            article(r#"{"author":"<img src=x onerror=alert(1)>","text":"</template><script>alert(2)</script>"}"#);
        let html = render(&json, &attributes(&[("src", "/a.json")]), "/agora/", NOW).unwrap().html;
        assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;/template&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
        assert_eq!(html.matches("</template>").count(), 1);
    }

    #[test]
    fn dated_comments_are_aged_as_of_the_moment_written_in_utc() {
        let json = article(r#"{"id":"c1","author":"Ann","text":"Hi","date":"2025-12-04T09:30:00Z"}"#);
        let html = render(&json, &attributes(&[("src", "/a.json")]), "/agora/", NOW).unwrap().html;
        assert!(html.contains(r#"datetime="2025-12-04T09:30:00.000Z""#), "{html}");
        assert!(html.contains("December 4, 2025 at 9:30"), "{html}");
        assert!(html.contains(">2 days ago<"), "{html}");
    }

    #[test]
    fn written_in_the_elements_language_and_direction() {
        let html =
            render(&article(""), &attributes(&[("src", "/a.json"), ("lang", "he")]), "/agora/", NOW).unwrap().html;
        assert!(html.contains(r#"<div lang="he" dir="rtl" data-first-screen="" class="agora">"#), "{html}");
    }

    #[test]
    fn what_cannot_be_written_is_refused_in_words() {
        let ok = article("");
        let refused = |json: &str, pairs: &[(&str, &str)]| {
            render(json, &attributes(pairs), "/agora/", NOW).unwrap_err().to_string()
        };
        assert!(refused(&ok, &[]).contains("needs src="));
        assert!(refused("{\"title\": 1", &[("src", "/a.json")]).contains("/a.json"));
        assert!(refused(r#"{"title":"x"}"#, &[("src", "/a.json")]).contains("/a.json"));
        assert!(refused(&ok, &[("src", "/a.json"), ("theme", "pink")]).starts_with("theme: \"pink\""));
        assert!(refused(&ok, &[("src", "/a.json"), ("thread", "no spaces")]).starts_with("thread: "));
        assert!(refused(&ok, &[("src", "/a.json"), ("strings", "/s.json")]).starts_with("strings: "));
        assert!(refused(&ok, &[("src", "/a.json"), ("mode", "iframe")]).starts_with("mode: "));
        assert!(refused(&ok, &[("src", "/a.json"), ("onclick", "x")]).starts_with("onclick: "));
        assert!(refused(&ok, &[("src", "/a.json"), ("lang", "ru")]).starts_with("lang: agora has no text in \"ru\""));
        // A shared thread names its page, and its relays must be usable and answer.
        assert!(refused(&ok, &[("src", "/a.json"), ("relays", "wss://relay.example")]).starts_with("url: "));
        assert!(refused(&ok, &[("src", "/a.json"), ("relays", "http://relay.example")]).starts_with("relays, "));
        let shared =
            r#"{"id":"s","title":"t","paragraphs":["p"],"relays":["ws://127.0.0.1:9"],"url":"https://news.example/s"}"#;
        assert!(
            refused(shared, &[("src", "/a.json")])
                .starts_with("no relay of the thread could be read (ws://127.0.0.1:9: ")
        );
        assert!(render(&ok, &attributes(&[("src", "/a.json")]), "", NOW).is_err());
    }
}
