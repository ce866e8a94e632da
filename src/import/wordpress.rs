//! A WordPress export (WXR): `<rss><channel>` holding `<item>`s, each a
//! post, page, attachment or menu item with its `wp:comment`s inside it. So
//! each item is read, turned into its thread and handed on before the next:
//! memory holds one item at a time.

use super::html_text::{self, Marks, Newlines};
use super::xml::{Step, Xml};
use super::{Comment, ImportError, Summary, Thread, article_json, author_name, dates};
use std::io::BufRead;

#[derive(Default)]
struct Item {
    title: String,
    link: String,
    content: String,
    excerpt: String,
    post_id: String,
    post_type: String,
    status: String,
    comments: Vec<Comment>,
    left_out: std::collections::HashMap<String, Option<String>>,
}

#[derive(Default)]
struct RawComment {
    offset: u64,
    id: String,
    author: String,
    date_gmt: String,
    date: String,
    content: String,
    approved: String,
    kind: String,
    parent: String,
}

/// Reads the rest of the export (after `<rss>`), handing each post's and
/// page's thread to `write` as soon as its item ends.
pub fn read<R: BufRead>(
    reader: &mut Xml<R>,
    summary: &mut Summary,
    write: &mut dyn FnMut(Thread, &mut Summary) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    // rss (1) > channel (2) > item (3) > wp:comment (4) > its fields (5).
    let mut item: Option<Item> = None;
    let mut comment: Option<RawComment> = None;
    loop {
        match reader.next()? {
            Step::End => return Ok(()),
            Step::Open(tag) => match (reader.depth(), tag.name.as_str()) {
                (3, "item") => item = Some(Item::default()),
                (4, "wp:comment") if item.is_some() => {
                    comment = Some(RawComment { offset: tag.offset, ..RawComment::default() });
                }
                _ => {}
            },
            Step::Close { name, text } => match (reader.depth(), name.as_str()) {
                (2, "item") => {
                    if let Some(item) = item.take() {
                        finish_item(item, summary, write)?;
                    }
                }
                (3, "wp:comment") => {
                    if let (Some(raw), Some(item)) = (comment.take(), item.as_mut()) {
                        add_comment(raw, item, summary)?;
                    }
                }
                (3, field) => {
                    if let Some(item) = item.as_mut() {
                        match field {
                            "title" => item.title = text,
                            "link" => item.link = text,
                            "content:encoded" => item.content = text,
                            "excerpt:encoded" => item.excerpt = text,
                            "wp:post_id" => item.post_id = text,
                            "wp:post_type" => item.post_type = text,
                            "wp:status" => item.status = text,
                            _ => {}
                        }
                    }
                }
                (4, field) => {
                    if let Some(raw) = comment.as_mut() {
                        match field {
                            "wp:comment_id" => raw.id = text,
                            "wp:comment_author" => raw.author = text,
                            "wp:comment_date_gmt" => raw.date_gmt = text,
                            "wp:comment_date" => raw.date = text,
                            "wp:comment_content" => raw.content = text,
                            "wp:comment_approved" => raw.approved = text,
                            "wp:comment_type" => raw.kind = text,
                            "wp:comment_parent" => raw.parent = text,
                            // Emails, IP addresses, author URLs and user ids are never read.
                            _ => {}
                        }
                    }
                }
                _ => {}
            },
        }
    }
}

/// Sorts one comment into the item's kept comments or those left out (counted).
fn add_comment(raw: RawComment, item: &mut Item, summary: &mut Summary) -> Result<(), ImportError> {
    if raw.id.trim().is_empty() {
        let message = "<wp:comment> has no <wp:comment_id>".to_string();
        return Err(ImportError::At { offset: raw.offset, message });
    }
    let id = article_json::safe_id("wp-", &raw.id);
    let parent = match raw.parent.trim() {
        "" | "0" => None,
        parent => Some(article_json::safe_id("wp-", parent)),
    };
    let text = html_text::convert(&raw.content, Marks::Formatted, Newlines::WordPress);
    let left_out = match (raw.kind.trim(), raw.approved.trim()) {
        ("pingback" | "trackback", _) => Some(&mut summary.pingbacks),
        (_, "1") if text.is_empty() => Some(&mut summary.empty),
        (_, "1") => None,
        (_, "spam") => Some(&mut summary.spam),
        (_, "trash" | "post-trashed") => Some(&mut summary.deleted),
        _ => Some(&mut summary.unapproved),
    };
    if let Some(count) = left_out {
        *count += 1;
        item.left_out.insert(id, parent);
        return Ok(());
    }
    let date = dates::from_wordpress(&raw.date_gmt);
    // Without the GMT date, the local one still orders the thread's comments.
    let sort_key = date.clone().unwrap_or_else(|| raw.date.trim().replace(' ', "T"));
    let author = author_name(&raw.author);
    item.comments.push(Comment { id, parent, author, text, date, sort_key });
    Ok(())
}

fn finish_item(
    item: Item,
    summary: &mut Summary,
    write: &mut dyn FnMut(Thread, &mut Summary) -> Result<(), ImportError>,
) -> Result<(), ImportError> {
    let post_type = match item.post_type.trim() {
        "" => "post",
        other => other,
    };
    let status = match item.status.trim() {
        "" => "publish",
        other => other,
    };
    if !matches!(post_type, "post" | "page") || status != "publish" {
        summary.other_items += 1;
        return Ok(());
    }
    let mut paragraphs = html_text::paragraphs(&html_text::convert(&item.content, Marks::Plain, Newlines::WordPress));
    if paragraphs.is_empty() {
        paragraphs = html_text::paragraphs(&html_text::convert(&item.excerpt, Marks::Plain, Newlines::WordPress));
    }
    let link = item.link.trim();
    let thread = Thread {
        fallback_id: article_json::safe_id("wp-", &item.post_id),
        url: (!link.is_empty()).then(|| link.to_string()),
        title: html_text::convert(&item.title, Marks::Plain, Newlines::Html).replace('\n', " "),
        paragraphs,
        comments: item.comments,
        left_out: item.left_out,
    };
    write(thread, summary)
}
