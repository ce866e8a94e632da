//! The file a reader downloads with all their comments and likes of a thread,
//! and the rules for importing one: checked whole before anything is merged,
//! so a file that is not valid changes nothing.

use super::comment::{Comment, CommentId};
use super::record::{StoredRecord, ThreadId};
use super::order::sorted;
use super::thread::Thread;
use serde::{Deserialize, Serialize};
use std::fmt;

const FORMAT: &str = "agora-export";
const VERSION: u32 = 1;
/// Far above what a thread's worth of comments can be (the storage quota is
/// about 5 million characters); a larger file is not an export.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ExportFile {
    format: String,
    version: u32,
    thread: String,
    exported_at: f64,
    comments: Vec<StoredRecord>,
    likes: Vec<String>,
}

/// The contents of a valid export file.
#[derive(Clone, Debug, PartialEq)]
pub struct Import {
    pub comments: Vec<Comment>,
    pub likes: Vec<CommentId>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge,
    NotAnExport(String),
    OtherThread(String),
    BadComment(usize, String),
    BadLike(usize),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Nothing was imported: ")?;
        match self {
            ImportError::TooLarge => f.write_str("the file is far larger than an agora export can be."),
            ImportError::NotAnExport(detail) => {
                write!(f, "this file is not an agora export ({detail}).")
            }
            ImportError::OtherThread(thread) => write!(
                f,
                "the file holds the comments of another discussion (\u{201c}{thread}\u{201d})."
            ),
            ImportError::BadComment(index, reason) => {
                write!(f, "comment {} in the file is not valid ({reason}).", index + 1)
            }
            ImportError::BadLike(index) => write!(f, "like {} in the file is not valid.", index + 1),
        }
    }
}

/// The export of a thread's posted comments (placeholders included, so that
/// replies keep their place) and likes, as pretty JSON.
pub fn export(thread_id: &ThreadId, thread: &Thread, now_ms: f64) -> String {
    let likes = sorted(thread.liked().iter().map(|id| id.as_str().to_string()).collect(), |a, b| a.cmp(b));
    let file = ExportFile {
        format: FORMAT.into(),
        version: VERSION,
        thread: thread_id.as_str().into(),
        exported_at: now_ms,
        comments: thread.posted().iter().filter_map(|c| StoredRecord::from_comment(c)).collect(),
        likes,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an export file meant for `thread_id`.
pub fn read_import(thread_id: &ThreadId, raw: &str) -> Result<Import, ImportError> {
    if raw.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge);
    }
    let file: ExportFile = serde_json::from_str(raw).map_err(|e| ImportError::NotAnExport(e.to_string()))?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(ImportError::NotAnExport(format!("format {} version {}", file.format, file.version)));
    }
    if file.thread != thread_id.as_str() {
        return Err(ImportError::OtherThread(file.thread.chars().take(64).collect()));
    }
    let comments = file
        .comments
        .into_iter()
        .enumerate()
        .map(|(index, record)| record.into_comment(None).map_err(|e| ImportError::BadComment(index, e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let likes = file
        .likes
        .iter()
        .enumerate()
        .map(|(index, id)| CommentId::parse(id).ok_or(ImportError::BadLike(index)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Import { comments, likes })
}

impl Import {
    /// What is new to `thread`: comments whose id it does not have yet, and
    /// likes of comments it has (or that the file brings) not liked yet.
    pub fn new_to(&self, thread: &Thread) -> Import {
        let comments: Vec<Comment> =
            self.comments.iter().filter(|c| !thread.contains(&c.id)).cloned().collect();
        let known = |id: &CommentId| thread.contains(id) || comments.iter().any(|c| &c.id == id);
        let likes = self.likes.iter().filter(|id| !thread.is_liked(id) && known(id)).cloned().collect();
        Import { comments, likes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn thread_id() -> ThreadId {
        ThreadId::parse("t").unwrap()
    }

    fn sample() -> Thread {
        let mut thread = Thread::default();
        let a = Comment::posted(CommentId::parse("a").unwrap(), "Ann".into(), "Hi".into(), 5.0, None);
        let r = Comment::posted(CommentId::parse("r").unwrap(), "Bob".into(), "Yo".into(), 6.0, a.id.clone().into());
        thread.set_posted(vec![a.clone(), r], HashSet::from([a.id.clone()]));
        thread
    }

    #[test]
    fn an_export_reads_back_whole() {
        let thread = sample();
        let file = export(&thread_id(), &thread, 9.0);
        let import = read_import(&thread_id(), &file).unwrap();
        assert_eq!(import.comments.len(), 2);
        assert_eq!(import.comments[1].parent.as_ref().map(CommentId::as_str), Some("a"));
        assert_eq!(import.likes, [CommentId::parse("a").unwrap()]);
        assert_eq!(import.new_to(&thread), Import { comments: vec![], likes: vec![] });
        assert_eq!(import.new_to(&Thread::default()), import);
    }

    #[test]
    fn anything_invalid_is_refused_whole_with_a_reason() {
        let file = export(&thread_id(), &sample(), 9.0);
        let other = ThreadId::parse("other").unwrap();
        assert_eq!(read_import(&other, &file), Err(ImportError::OtherThread("t".into())));
        assert!(matches!(read_import(&thread_id(), "{}"), Err(ImportError::NotAnExport(_))));
        assert!(matches!(read_import(&thread_id(), "\u{0}\u{1}binary"), Err(ImportError::NotAnExport(_))));
        let bad_text = file.replacen("\"Hi\"", "\"\"", 1);
        assert!(matches!(read_import(&thread_id(), &bad_text), Err(ImportError::BadComment(0, _))));
        let bad_like = file.replacen("\"likes\": [\n    \"a\"", "\"likes\": [\n    \"a b\"", 1);
        assert_eq!(read_import(&thread_id(), &bad_like), Err(ImportError::BadLike(0)));
        let wrong_format = file.replacen("agora-export", "something-else", 1);
        assert!(matches!(read_import(&thread_id(), &wrong_format), Err(ImportError::NotAnExport(_))));
        assert!(ImportError::TooLarge.to_string().starts_with("Nothing was imported: "));
    }
}
