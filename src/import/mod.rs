//! `agora-import`: a site's existing comments, from a Disqus export or a
//! WordPress export (WXR), written as agora article files, one per thread.
//!
//! The map: [`xml`] streams the export; [`disqus`] and [`wordpress`] read
//! their format into [`Thread`]s, leaving out (and counting) what is not to
//! be shown; [`html_text`] turns comment HTML into agora's text;
//! [`article_json`] puts each thread's comments in order and writes its
//! article, checked by agora's own parser; [`write`] puts the files in place
//! all at once or not at all. Native only: site owners run it once.

pub mod article_json;
pub mod dates;
mod disqus;
pub mod html_text;
mod wordpress;
mod write;
mod xml;

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// One thread as read from the export, with only the comments to keep.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Thread {
    /// The article id to use when the URL gives none (`disqus-<id>`, `wp-<id>`).
    pub fallback_id: String,
    pub url: Option<String>,
    pub title: String,
    pub paragraphs: Vec<String>,
    pub comments: Vec<Comment>,
    /// The comments left out, each with its parent: replies to them are hung
    /// under their nearest kept ancestor.
    pub left_out: HashMap<String, Option<String>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comment {
    pub id: String,
    pub parent: Option<String>,
    pub author: String,
    pub text: String,
    /// RFC 3339 UTC (`2019-03-04T10:00:00Z`), where the export has it.
    pub date: Option<String>,
    /// What the comments are ordered by: the date, or the best the export
    /// has instead (WordPress's local time).
    pub sort_key: String,
}

/// What an import wrote and what it left out, and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub format: &'static str,
    pub threads_written: usize,
    pub comments_written: usize,
    pub deleted: usize,
    pub spam: usize,
    pub unapproved: usize,
    pub pingbacks: usize,
    pub empty: usize,
    /// A second comment with an id the thread already has.
    pub duplicates: usize,
    /// Disqus posts whose thread is not in the export.
    pub without_thread: usize,
    pub threads_without_comments: usize,
    /// WordPress items that are not published posts or pages (attachments, menu items, drafts).
    pub other_items: usize,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Read a {} export.", self.format)?;
        writeln!(f, "threads written: {}", self.threads_written)?;
        writeln!(f, "comments written: {}", self.comments_written)?;
        writeln!(f, "left out:")?;
        let rows = [
            ("deleted", self.deleted),
            ("spam", self.spam),
            ("unapproved", self.unapproved),
            ("pingbacks and trackbacks", self.pingbacks),
            ("empty", self.empty),
            ("duplicate ids", self.duplicates),
            ("comments of threads not in the export", self.without_thread),
            ("threads without comments", self.threads_without_comments),
            ("items that are not published posts or pages", self.other_items),
        ];
        for (what, count) in rows {
            writeln!(f, "  {what}: {count}")?;
        }
        Ok(())
    }
}

/// Why an import wrote nothing, in words for the person who ran it.
#[derive(Debug)]
pub enum ImportError {
    /// A problem at a byte offset of the export (turned into [`ImportError::Located`] by [`import`]).
    At {
        offset: u64,
        message: String,
    },
    Located {
        path: PathBuf,
        line: u64,
        column: u64,
        message: String,
    },
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    NotAnExport {
        path: PathBuf,
        root: String,
    },
    OutputNotEmpty {
        path: PathBuf,
    },
    NoParent {
        path: PathBuf,
    },
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// An article this import built that agora would refuse: a defect of the import.
    Refused {
        id: String,
        why: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::At { offset, message } => write!(f, "byte {offset}: {message}"),
            ImportError::Located { path, line, column, message } => {
                write!(f, "{} line {line}, column {column}: {message}", path.display())
            }
            ImportError::Read { path, error } => write!(f, "{}: cannot be read: {error}", path.display()),
            ImportError::NotAnExport { path, root } => write!(
                f,
                "{}: neither a Disqus export (<disqus>) nor a WordPress export (<rss> with the wp: namespace): its root is <{root}>",
                path.display()
            ),
            ImportError::OutputNotEmpty { path } => {
                write!(f, "{}: the output folder must not exist yet or be empty; nothing was written", path.display())
            }
            ImportError::NoParent { path } => {
                write!(f, "{}: no such folder to put the output folder in; nothing was written", path.display())
            }
            ImportError::Write { path, error } => write!(f, "{}: cannot be written: {error}", path.display()),
            ImportError::Refused { id, why } => {
                write!(f, "the article {id} that the import built is not one agora reads ({why}); nothing was written")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports `export` into the folder `output`, which must not exist or be
/// empty. Either every file is written or none (see [`write`]).
pub fn import(export: &Path, output: &Path) -> Result<Summary, ImportError> {
    import_inner(export, output).map_err(|error| match error {
        ImportError::At { offset, message } => {
            let position = File::open(export).map(BufReader::new).and_then(|file| xml::line_and_column(file, offset));
            match position {
                Ok((line, column)) => ImportError::Located { path: export.to_path_buf(), line, column, message },
                Err(_) => ImportError::At { offset, message },
            }
        }
        other => other,
    })
}

fn import_inner(export: &Path, output: &Path) -> Result<Summary, ImportError> {
    write::check_output(output)?;
    let file = File::open(export).map_err(|error| ImportError::Read { path: export.to_path_buf(), error })?;
    let mut reader = xml::Xml::new(BufReader::with_capacity(1 << 16, file));
    let root = reader.root()?;
    let mut summary = Summary::default();
    let mut staging = write::Staging::create(output)?;
    let mut ids = article_json::Ids::default();
    let mut write_thread = |thread: Thread, summary: &mut Summary| -> Result<(), ImportError> {
        match article_json::build(thread, &mut ids, summary)? {
            Some(article) => staging.write(&article.id, &article.json),
            None => Ok(()),
        }
    };
    if root.local_name() == "disqus" {
        summary.format = "Disqus";
        disqus::read(&mut reader, &mut summary, &mut write_thread)?;
    } else if root.name == "rss" && root.attribute("xmlns:wp").is_some() {
        summary.format = "WordPress (WXR)";
        wordpress::read(&mut reader, &mut summary, &mut write_thread)?;
    } else {
        return Err(ImportError::NotAnExport { path: export.to_path_buf(), root: root.name });
    }
    staging.commit()?;
    Ok(summary)
}

/// An author's name as agora shows it: trimmed, whitespace runs as one
/// space, at most 50 characters (agora's name limit), else "Anonymous".
pub fn author_name(name: &str) -> String {
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name: String = name.chars().filter(|c| !c.is_control()).take(50).collect();
    match name.trim() {
        "" => "Anonymous".to_string(),
        trimmed => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_names_are_trimmed_and_capped() {
        assert_eq!(author_name("  Ann \n Lee "), "Ann Lee");
        assert_eq!(author_name(" "), "Anonymous");
        let long = "é".repeat(60);
        assert_eq!(author_name(&long).chars().count(), 50);
    }

    #[test]
    fn the_summary_names_every_reason() {
        let summary = Summary { format: "Disqus", threads_written: 2, spam: 3, ..Summary::default() };
        let text = summary.to_string();
        assert!(text.contains("threads written: 2\n"), "{text}");
        assert!(text.contains("  spam: 3\n"), "{text}");
        assert!(text.contains("  threads without comments: 0\n"), "{text}");
    }
}
