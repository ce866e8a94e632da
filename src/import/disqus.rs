//! A Disqus export: `<disqus>` holding `<category>`s, then every `<thread>`
//! (its `link`, `title`, `message`), then every `<post>` (its `message`
//! HTML, `createdAt`, `isDeleted`, `isSpam`, `author`, and the `thread` and
//! optional `parent` it points at by `dsq:id`). Posts come after all
//! threads and in no thread's order, so each post is kept, reduced to what
//! its article needs, until the end of the file.

use super::html_text::{self, Marks, Newlines};
use super::xml::{self, Step, Xml};
use super::{Comment, ImportError, Summary, Thread, article_json, author_name, dates};
use rustc_hash::FxHashMap;
use std::io::BufRead;

const ID: &str = "dsq:id";

#[derive(Default)]
struct Fields {
    offset: u64,
    dsq_id: Option<String>,
    link: String,
    title: String,
    message: String,
    created_at: String,
    deleted: bool,
    spam: bool,
    name: String,
    username: String,
    thread: Option<String>,
    parent: Option<String>,
}

/// Reads the rest of the export (after `<disqus>`), then hands each thread
/// to `write`, in the export's order.
pub fn read<R: BufRead>(
    reader: &mut Xml<R>,
    summary: &mut Summary,
    write: &mut dyn FnMut(Thread, &mut Summary) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let mut threads: Vec<Thread> = Vec::new();
    let mut thread_index: FxHashMap<String, usize> = FxHashMap::default();
    let mut deleted_threads: Vec<bool> = Vec::new();
    // Posts whose thread had not come yet (in Disqus's exports threads come first).
    let mut parked: Vec<Post> = Vec::new();
    // The element being read at depth 1 (`thread` or `post`), and its fields.
    let mut current: Option<(&'static str, Fields)> = None;
    loop {
        match reader.next()? {
            Step::End => break,
            Step::Open(tag) => match (reader.depth(), tag.local_name()) {
                (2, "thread") => {
                    let fields =
                        Fields { offset: tag.offset, dsq_id: tag.attribute(ID).map(String::from), ..Fields::default() };
                    current = Some(("thread", fields));
                }
                (2, "post") => {
                    let fields =
                        Fields { offset: tag.offset, dsq_id: tag.attribute(ID).map(String::from), ..Fields::default() };
                    current = Some(("post", fields));
                }
                (3, "thread") => {
                    if let Some(("post", fields)) = &mut current {
                        fields.thread = Some(tag.attribute(ID).map(String::from).ok_or_else(|| missing_id(&tag))?);
                    }
                }
                (3, "parent") => {
                    if let Some(("post", fields)) = &mut current {
                        fields.parent = Some(tag.attribute(ID).map(String::from).ok_or_else(|| missing_id(&tag))?);
                    }
                }
                _ => {}
            },
            Step::Close { name, text } => {
                let depth = reader.depth();
                let Some((kind, fields)) = &mut current else { continue };
                match (depth, xml::local(&name)) {
                    (1, _) => {
                        let (kind, fields) = (*kind, std::mem::take(fields));
                        current = None;
                        if kind == "thread" {
                            let id = fields
                                .dsq_id
                                .clone()
                                .ok_or_else(|| element_error(&fields, "<thread> has no dsq:id"))?;
                            thread_index.insert(id.clone(), threads.len());
                            deleted_threads.push(fields.deleted);
                            threads.push(thread(&id, fields));
                        } else {
                            let post = post(fields, summary)?;
                            match thread_index.get(&post.thread) {
                                Some(&index) => place(post, index, &mut threads, &deleted_threads, summary),
                                None => parked.push(post),
                            }
                        }
                    }
                    (2, "link") => fields.link = text,
                    (2, "title") => fields.title = text,
                    (2, "message") => fields.message = text,
                    (2, "createdAt") => fields.created_at = text,
                    (2, "isDeleted") => fields.deleted = text.trim() == "true",
                    (2, "isSpam") => fields.spam = text.trim() == "true",
                    (3, "name") if *kind == "post" => fields.name = text,
                    (3, "username") if *kind == "post" => fields.username = text,
                    _ => {}
                }
            }
        }
    }
    for post in parked {
        match thread_index.get(&post.thread) {
            Some(&index) => place(post, index, &mut threads, &deleted_threads, summary),
            // Left-out posts are counted already, by why they were.
            None => summary.without_thread += usize::from(post.kept.is_ok()),
        }
    }
    for thread in threads {
        write(thread, summary)?;
    }
    Ok(())
}

fn thread(dsq_id: &str, fields: Fields) -> Thread {
    let title = html_text::convert(&fields.title, Marks::Plain, Newlines::Html).replace('\n', " ");
    let message = html_text::convert(&fields.message, Marks::Plain, Newlines::Html);
    let link = fields.link.trim();
    Thread {
        fallback_id: article_json::safe_id("disqus-", dsq_id),
        url: (!link.is_empty()).then(|| link.to_string()),
        title,
        paragraphs: html_text::paragraphs(&message),
        comments: Vec::new(),
        left_out: Default::default(),
    }
}

/// A post as its thread needs it.
struct Post {
    /// The `dsq:id` of its thread.
    thread: String,
    /// The comment to keep, or for one left out (and counted) its id and parent.
    kept: Result<Comment, (String, Option<String>)>,
}

/// Puts a post into its thread: a kept one among the comments, unless the
/// whole thread was deleted; a left-out one among those replies move past.
fn place(post: Post, index: usize, threads: &mut [Thread], deleted_threads: &[bool], summary: &mut Summary) {
    let (Some(thread), Some(&deleted)) = (threads.get_mut(index), deleted_threads.get(index)) else { return };
    match post.kept {
        Ok(comment) if deleted => {
            summary.deleted += 1;
            thread.left_out.insert(comment.id, comment.parent);
        }
        Ok(comment) => thread.comments.push(comment),
        Err((id, parent)) => {
            thread.left_out.insert(id, parent);
        }
    }
}

fn post(fields: Fields, summary: &mut Summary) -> Result<Post, ImportError> {
    let dsq_id = fields.dsq_id.as_deref().ok_or_else(|| element_error(&fields, "<post> has no dsq:id"))?;
    let thread = fields.thread.clone().ok_or_else(|| element_error(&fields, "<post> has no <thread>"))?;
    let id = article_json::safe_id("disqus-", dsq_id);
    let parent = fields.parent.as_deref().map(|parent| article_json::safe_id("disqus-", parent));
    let text = html_text::convert(&fields.message, Marks::Formatted, Newlines::Html);
    let left_out = if fields.deleted {
        Some(&mut summary.deleted)
    } else if fields.spam {
        Some(&mut summary.spam)
    } else if text.is_empty() {
        Some(&mut summary.empty)
    } else {
        None
    };
    if let Some(count) = left_out {
        *count += 1;
        return Ok(Post { thread, kept: Err((id, parent)) });
    }
    let author = match (fields.name.trim(), fields.username.trim()) {
        ("", username) => author_name(username),
        (name, _) => author_name(name),
    };
    let date = dates::from_disqus(&fields.created_at);
    let sort_key = date.clone().unwrap_or_default();
    Ok(Post { thread, kept: Ok(Comment { id, parent, author, text, date, sort_key }) })
}

/// `message` about the `<post>` or `<thread>` at `fields`, named by its id where it has one.
fn element_error(fields: &Fields, message: &str) -> ImportError {
    let message = match (&fields.dsq_id, message.split_once('>')) {
        (Some(id), Some((element, rest))) => format!("{element} dsq:id=\"{id}\">{rest}"),
        _ => message.to_string(),
    };
    ImportError::At { offset: fields.offset, message }
}

fn missing_id(tag: &xml::Tag) -> ImportError {
    ImportError::At { offset: tag.offset, message: format!("<{}> has no dsq:id", tag.name) }
}
