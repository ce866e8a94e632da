//! The article format that hosts use to bring their own article, and that
//! the built-in seed is written in (see `src/content/seed.json`).

use serde::Deserialize;
use std::fmt;

/// A news article with the comments it ships with.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub byline: Option<String>,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub comments: Vec<SeedComment>,
}

/// A comment that is part of the article's content. Seed comments are never
/// copied into storage.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SeedComment {
    pub author: String,
    pub text: String,
    /// Likes the comment already has where the article comes from.
    #[serde(default)]
    pub likes: u32,
}

/// Why an article could not be used, in words for the site owner who made it.
#[derive(Clone, Debug, PartialEq)]
pub enum ArticleError {
    /// Not JSON, or a field of the wrong type or missing.
    Malformed(String),
    /// Well-formed JSON whose content cannot be shown.
    Invalid(&'static str),
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleError::Malformed(detail) => {
                write!(f, "The article data could not be read: {detail}.")
            }
            ArticleError::Invalid(what) => write!(f, "The article data is not usable: {what}."),
        }
    }
}

impl Article {
    /// Parses and checks an article in the JSON format of DESIGN.md. Unknown
    /// fields are ignored.
    pub fn from_json(json: &str) -> Result<Article, ArticleError> {
        let article: Article =
            serde_json::from_str(json).map_err(|e| ArticleError::Malformed(e.to_string()))?;
        article.checked()
    }

    fn checked(self) -> Result<Article, ArticleError> {
        if self.id.trim().is_empty() {
            return Err(ArticleError::Invalid("\"id\" is empty"));
        }
        if self.title.trim().is_empty() {
            return Err(ArticleError::Invalid("\"title\" is empty"));
        }
        if self.paragraphs.iter().all(|p| p.trim().is_empty()) {
            return Err(ArticleError::Invalid("\"paragraphs\" has no text"));
        }
        if self
            .comments
            .iter()
            .any(|c| c.author.trim().is_empty() || c.text.trim().is_empty())
        {
            return Err(ArticleError::Invalid("a comment has an empty \"author\" or \"text\""));
        }
        Ok(self)
    }

    /// The article every page shows when no other is configured.
    pub fn built_in() -> Article {
        // The seed is compiled in and checked by a unit test, so it always parses;
        // should it ever not, show its error rather than crash.
        Article::from_json(include_str!("../content/seed.json")).unwrap_or_else(|error| Article {
            id: "agora".into(),
            title: "Article unavailable".into(),
            byline: None,
            paragraphs: vec![error.to_string()],
            comments: Vec::new(),
        })
    }
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
            .map(|&(author, text, likes)| SeedComment { author: author.into(), text: text.into(), likes })
            .collect(),
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
        let Ok(seed) = std::fs::read_to_string(&path) else {
            eprintln!("note: {path} is not present; comparison skipped");
            return;
        };
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
        let article = Article::from_json(
            r#"{"id":"a","title":"T","paragraphs":["p"],"extra":1,"comments":[]}"#,
        )
        .unwrap();
        assert_eq!(article.byline, None);
        assert!(article.comments.is_empty());
    }

    #[test]
    fn missing_or_empty_fields_are_reported() {
        let missing = Article::from_json(r#"{"id":"a","paragraphs":["p"]}"#).unwrap_err();
        assert!(missing.to_string().contains("title"), "{missing}");
        let empty = Article::from_json(r#"{"id":"a","title":" ","paragraphs":["p"]}"#).unwrap_err();
        assert_eq!(empty, ArticleError::Invalid("\"title\" is empty"));
        let not_json = Article::from_json("<html>").unwrap_err();
        assert!(matches!(not_json, ArticleError::Malformed(_)));
        let no_text = Article::from_json(r#"{"id":"a","title":"T","paragraphs":[]}"#).unwrap_err();
        assert_eq!(no_text, ArticleError::Invalid("\"paragraphs\" has no text"));
    }
}
