//! The article format that hosts use to bring their own article, and that
//! the built-in seed is written in (see `src/content/seed.json`).

use crate::model::date::parse_rfc3339;
use crate::model::i18n::LangTag;
use crate::model::nostr::settings::SharingSettings;
use serde::Deserialize;

/// A news article with the comments it ships with.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub byline: Option<String>,
    pub paragraphs: Vec<String>,
    pub comments: Vec<SeedComment>,
    /// The language the article is written in, where its JSON says so (a
    /// tag no page should use is left out): the article gets its own `lang`
    /// and `dir`, apart from the interface's.
    pub lang: Option<LangTag>,
    /// How the article's site shares its discussion (`url`, `relays`,
    /// `moderators`, `pow`), as it says it: checked by the relay build.
    pub sharing: SharingSettings,
}

/// A comment that is part of the article's content (written by hand, or
/// imported from another comment system by `agora-import`). Seed comments
/// are never copied into storage.
#[derive(Clone, Debug, PartialEq)]
pub struct SeedComment {
    pub author: String,
    pub text: String,
    /// Likes the comment already has where the article comes from.
    pub likes: u32,
    /// When it was written, where the article says so (`date`).
    pub at_ms: Option<f64>,
    /// The position of the comment it answers: always an earlier one, so
    /// that the article's comments can never answer in a circle.
    pub parent: Option<usize>,
}

/// A comment as the article's JSON writes it: `id` only names it for the
/// `parent` of a later one.
#[derive(Deserialize)]
struct RawComment {
    author: String,
    text: String,
    #[serde(default)]
    likes: u32,
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    date: Option<String>,
}

/// Why an article could not be shown, for the site owner who made it (and
/// the reader who sees it): [`crate::model::Text::article_error`] words it.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleError {
    /// The server did not answer, or its CORS headers do not let the page read it.
    Unreachable,
    /// The server answered with this HTTP status ("404 Not Found").
    Status(String),
    /// Not JSON (where the parser stopped).
    NotJson { line: usize, column: usize },
    /// A required field is missing.
    Missing(&'static str),
    /// A field is not of the kind the format says (or the whole is not an object).
    WrongType(&'static str),
    /// A required text is empty.
    Empty(&'static str),
    /// The comment at this index (from 0) has an empty author or text.
    BadComment(usize),
    /// The comment at this index (from 0) has an `id` another comment has
    /// already, a `parent` that names no comment before it, or a `date`
    /// that is not an RFC 3339 date and time.
    BadCommentField { index: usize, field: &'static str },
}

/// An article as it is read, every field optional so that what is missing
/// is reported by name. Each field is read through a function that first
/// notes which field it is (`READING`): serde_json reports a wrong type only
/// with a position, and a position means little to a site owner.
#[derive(Deserialize)]
struct RawArticle {
    #[serde(default, deserialize_with = "id")]
    id: Option<String>,
    #[serde(default, deserialize_with = "title")]
    title: Option<String>,
    #[serde(default, deserialize_with = "byline")]
    byline: Option<String>,
    #[serde(default, deserialize_with = "paragraphs")]
    paragraphs: Option<Vec<String>>,
    #[serde(default, deserialize_with = "comments")]
    comments: Option<Vec<RawComment>>,
    #[serde(default, deserialize_with = "lang")]
    lang: Option<String>,
    #[serde(default, deserialize_with = "relays")]
    relays: Option<Vec<String>>,
    // Only the relay build reads the rest of the sharing settings: the usual
    // build needs to know no more than whether relays are named (then it
    // hands over to the relay build).
    #[cfg(any(feature = "relays", test))]
    #[serde(default, deserialize_with = "url")]
    url: Option<String>,
    #[cfg(any(feature = "relays", test))]
    #[serde(default, deserialize_with = "moderators")]
    moderators: Option<Vec<String>>,
    #[cfg(any(feature = "relays", test))]
    #[serde(default, deserialize_with = "pow")]
    pow: Option<u32>,
    #[cfg(any(feature = "relays", test))]
    #[serde(default, deserialize_with = "moderation")]
    moderation: Option<String>,
}

thread_local! {
    /// The article field being read (`"{}"` for the object itself).
    static READING: std::cell::Cell<&'static str> = const { std::cell::Cell::new("{}") };
}

macro_rules! tracked_field {
    ($name:ident: $type:ty) => {
        fn $name<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<$type>, D::Error> {
            READING.with(|reading| reading.set(stringify!($name)));
            let value = <Option<$type> as Deserialize>::deserialize(deserializer)?;
            READING.with(|reading| reading.set("{}"));
            Ok(value)
        }
    };
}

tracked_field!(id: String);
tracked_field!(title: String);
tracked_field!(byline: String);
tracked_field!(paragraphs: Vec<String>);
tracked_field!(comments: Vec<RawComment>);
tracked_field!(lang: String);
tracked_field!(relays: Vec<String>);
#[cfg(any(feature = "relays", test))]
tracked_field!(url: String);
#[cfg(any(feature = "relays", test))]
tracked_field!(moderators: Vec<String>);
#[cfg(any(feature = "relays", test))]
tracked_field!(pow: u32);
#[cfg(any(feature = "relays", test))]
tracked_field!(moderation: String);

impl Article {
    /// Parses and checks an article in its JSON format (the book's
    /// `docs/src/reference/article-format.md`). Unknown fields are ignored.
    pub fn from_json(json: &str) -> Result<Article, ArticleError> {
        READING.with(|reading| reading.set("{}"));
        // serde would also take the fields from an array, in order: only an object is an article.
        let object = json.trim_start().starts_with('{');
        let raw: RawArticle = match serde_json::from_str(json) {
            Ok(raw) if object => raw,
            Ok(_) => return Err(ArticleError::WrongType("{}")),
            Err(error) => {
                return Err(match error.classify() {
                    serde_json::error::Category::Data if !object => ArticleError::WrongType("{}"),
                    serde_json::error::Category::Data => ArticleError::WrongType(READING.with(|reading| reading.get())),
                    _ => ArticleError::NotJson { line: error.line(), column: error.column() },
                });
            }
        };
        let required = |value: Option<String>, name: &'static str| match value {
            None => Err(ArticleError::Missing(name)),
            Some(text) if text.trim().is_empty() => Err(ArticleError::Empty(name)),
            Some(text) => Ok(text),
        };
        let id = required(raw.id, "id")?;
        let title = required(raw.title, "title")?;
        let paragraphs = raw.paragraphs.ok_or(ArticleError::Missing("paragraphs"))?;
        if paragraphs.iter().all(|p| p.trim().is_empty()) {
            return Err(ArticleError::Empty("paragraphs"));
        }
        let comments = seed_comments(raw.comments.unwrap_or_default())?;
        #[cfg(any(feature = "relays", test))]
        let sharing = SharingSettings {
            relays: raw.relays,
            moderators: raw.moderators,
            pow: raw.pow.map(|bits| bits.to_string()),
            url: raw.url,
            moderation: raw.moderation,
        };
        #[cfg(not(any(feature = "relays", test)))]
        let sharing = SharingSettings { relays: raw.relays, ..SharingSettings::default() };
        let lang = raw.lang.as_deref().and_then(LangTag::parse);
        Ok(Article { id, title, byline: raw.byline, paragraphs, comments, lang, sharing })
    }

    /// The article every page shows when no other is configured.
    pub fn built_in() -> Article {
        // The seed is compiled in and checked by a unit test, so it always parses;
        // should it ever not, say so rather than crash.
        Article::from_json(include_str!("../content/seed.json")).unwrap_or_else(|_| Article {
            id: "agora".into(),
            title: "Article unavailable".into(),
            byline: None,
            paragraphs: vec!["The built-in article could not be read.".into()],
            comments: Vec::new(),
            lang: None,
            sharing: SharingSettings::default(),
        })
    }
}

/// Checks the article's comments and resolves each `parent` to the position
/// of an earlier comment.
fn seed_comments(raw: Vec<RawComment>) -> Result<Vec<SeedComment>, ArticleError> {
    let mut named: crate::model::FxHashMap<String, usize> = crate::model::FxHashMap::default();
    let mut comments = Vec::with_capacity(raw.len());
    for (index, comment) in raw.into_iter().enumerate() {
        let bad = |field| ArticleError::BadCommentField { index, field };
        if comment.author.trim().is_empty() || comment.text.trim().is_empty() {
            return Err(ArticleError::BadComment(index));
        }
        let at_ms = match &comment.date {
            Some(date) => Some(parse_rfc3339(date.trim()).ok_or(bad("date"))?),
            None => None,
        };
        let parent = match &comment.parent {
            Some(name) => Some(*named.get(name).ok_or(bad("parent"))?),
            None => None,
        };
        if let Some(name) = comment.id
            && named.insert(name, index).is_some()
        {
            return Err(bad("id"));
        }
        comments.push(SeedComment { author: comment.author, text: comment.text, likes: comment.likes, at_ms, parent });
    }
    Ok(comments)
}

/// A one-paragraph article with the given seed comments (author, text,
/// likes), for the model's tests.
#[cfg(test)]
pub fn test_article(seeds: &[(&str, &str, u32)]) -> Article {
    Article {
        id: "a".into(),
        title: "T".into(),
        byline: None,
        paragraphs: vec!["p".into()],
        comments: seeds
            .iter()
            .map(|&(author, text, likes)| SeedComment {
                author: author.into(),
                text: text.into(),
                likes,
                at_ms: None,
                parent: None,
            })
            .collect(),
        lang: None,
        sharing: SharingSettings::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_seed_has_four_paragraphs_and_eight_comments() {
        let article = Article::from_json(include_str!("../content/seed.json")).unwrap();
        assert_eq!(article.paragraphs.len(), 4);
        assert_eq!(article.comments.len(), 8);
        assert_eq!(article.comments[0].author, "Matzomaster");
        assert_eq!(article.comments[7].author, "Leonardo");
    }

    /// The seed in `../shared/seeds/` is the source of truth: the compiled-in
    /// JSON must reproduce it word for word (quote marks around comment texts
    /// are presentation and are added by the view).
    #[test]
    fn built_in_seed_matches_the_shared_seed_word_for_word() {
        // Read at run time: the test binary may have been built in another
        // checkout that shares the target directory.
        let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
        let path = format!("{root}/../shared/seeds/000_4476337a6abd794d.txt");
        let seed = std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!("{path} must be present beside the project ({error}): it is the seed's source of truth")
        });
        let lines: Vec<&str> = seed.lines().collect();
        let article = Article::built_in();
        assert_eq!(&lines[0..4], article.paragraphs.as_slice());
        assert_eq!(lines[4], "8 Comments");
        let comments: Vec<(&str, String)> = lines[5..]
            .chunks(2)
            .map(|pair| (pair[0], pair[1].trim_start_matches('“').trim_end_matches('”').to_string()))
            .collect();
        assert_eq!(comments.len(), article.comments.len());
        for ((author, text), seed) in comments.iter().zip(&article.comments) {
            assert_eq!(*author, seed.author);
            assert_eq!(*text, seed.text);
        }
    }

    #[test]
    fn unknown_fields_are_ignored_and_byline_is_optional() {
        let article =
            Article::from_json(r#"{"id":"a","title":"T","paragraphs":["p"],"extra":1,"comments":[]}"#).unwrap();
        assert_eq!(article.byline, None);
        assert!(article.comments.is_empty());
    }

    #[test]
    fn an_article_may_say_how_its_discussion_is_shared() {
        let json = r#"{"id":"a","title":"T","paragraphs":["p"],"url":"https://news.example/a",
            "relays":["wss://r.example","ws://far.example"],"moderators":["nope"],"pow":12}"#;
        let article = Article::from_json(json).unwrap();
        assert!(article.sharing.asks_for_relays());
        let (sharing, problems) = SharingSettings::default().resolve(article.sharing);
        assert_eq!(sharing.relays, ["wss://r.example"]);
        assert_eq!(sharing.pow, 12);
        assert_eq!(sharing.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(problems.len(), 2, "a bad relay and a bad key are reported, not fatal");
        let bad = Article::from_json(r#"{"id":"a","title":"T","paragraphs":["p"],"relays":"wss://r"}"#);
        assert_eq!(bad, Err(ArticleError::WrongType("relays")));
    }

    #[test]
    fn an_article_may_say_its_language_and_so_its_direction() {
        let article =
            |lang: &str| Article::from_json(&format!(r#"{{"id":"a","title":"T","paragraphs":["p"],"lang":{lang}}}"#));
        let he = article(r#""he""#).unwrap().lang.unwrap();
        assert_eq!((he.as_str(), he.direction()), ("he", crate::model::i18n::Direction::Rtl));
        assert_eq!(article(r#""en-GB""#).unwrap().lang.unwrap().direction(), crate::model::i18n::Direction::Ltr);
        // A tag no page should use is left out; a tag that is not text is the site owner's error.
        assert_eq!(article(r#""\"><script>""#).unwrap().lang, None);
        assert_eq!(article("5"), Err(ArticleError::WrongType("lang")));
        assert_eq!(Article::from_json(r#"{"id":"a","title":"T","paragraphs":["p"]}"#).unwrap().lang, None);
    }

    #[test]
    fn missing_or_empty_fields_are_reported() {
        let error = |json: &str| Article::from_json(json).unwrap_err();
        assert_eq!(error(r#"{"id":"a","paragraphs":["p"]}"#), ArticleError::Missing("title"));
        assert_eq!(error(r#"{"id":"a","title":" ","paragraphs":["p"]}"#), ArticleError::Empty("title"));
        assert_eq!(error("<html>"), ArticleError::NotJson { line: 1, column: 1 });
        assert_eq!(error("{\n  \"id\": \"a\",\n  oops"), ArticleError::NotJson { line: 3, column: 3 });
        assert_eq!(error("[1]"), ArticleError::WrongType("{}"));
        assert_eq!(error(r#"["a","T",null,["p"]]"#), ArticleError::WrongType("{}"));
        assert_eq!(
            error(r#"{"id":"a","title":"T","paragraphs":["p"],"comments":[{"author":"A"}]}"#),
            ArticleError::WrongType("comments")
        );
        assert_eq!(error(r#"{"id":"a","title":"T","paragraphs":[]}"#), ArticleError::Empty("paragraphs"));
        assert_eq!(error(r#"{"id":"a","title":"T","paragraphs":"p"}"#), ArticleError::WrongType("paragraphs"));
        assert_eq!(error(r#"{"id":5,"title":"T","paragraphs":["p"]}"#), ArticleError::WrongType("id"));
        let empty_author = r#"{"id":"a","title":"T","paragraphs":["p"],"comments":[{"author":"A","text":"B"},{"author":"","text":"C"}]}"#;
        assert_eq!(error(empty_author), ArticleError::BadComment(1));
    }

    fn with_comments(comments: &str) -> Result<Article, ArticleError> {
        Article::from_json(&format!(r#"{{"id":"a","title":"T","paragraphs":["p"],"comments":[{comments}]}}"#))
    }

    #[test]
    fn comments_may_say_when_they_were_written_and_what_they_answer() {
        let article = with_comments(
            r#"{"id":"x","author":"A","text":"a","date":"2019-03-04T10:15:00Z"},
               {"author":"B","text":"b","parent":"x"},
               {"id":"y","author":"C","text":"c","parent":"x","date":"2019-03-04T12:15:00+02:00"},
               {"author":"D","text":"d","parent":"y"}"#,
        )
        .unwrap();
        let parents: Vec<Option<usize>> = article.comments.iter().map(|c| c.parent).collect();
        assert_eq!(parents, [None, Some(0), Some(0), Some(2)]);
        assert_eq!(article.comments[0].at_ms, Some(1_551_694_500_000.0));
        assert_eq!(article.comments[1].at_ms, None);
        assert_eq!(article.comments[2].at_ms, article.comments[0].at_ms);
    }

    #[test]
    fn a_comment_answers_only_an_earlier_one_by_a_unique_id_and_has_a_real_date() {
        let bad = |index, field| Err(ArticleError::BadCommentField { index, field });
        // A parent written after its reply, or itself: no circle can be written.
        assert_eq!(
            with_comments(r#"{"author":"A","text":"a","parent":"y"},{"id":"y","author":"B","text":"b"}"#),
            bad(0, "parent")
        );
        assert_eq!(with_comments(r#"{"id":"x","author":"A","text":"a","parent":"x"}"#), bad(0, "parent"));
        assert_eq!(
            with_comments(r#"{"id":"x","author":"A","text":"a"},{"id":"x","author":"B","text":"b"}"#),
            bad(1, "id")
        );
        assert_eq!(with_comments(r#"{"author":"A","text":"a","date":"yesterday"}"#), bad(0, "date"));
        assert_eq!(with_comments(r#"{"author":"A","text":"a","date":5}"#), Err(ArticleError::WrongType("comments")));
    }
}
