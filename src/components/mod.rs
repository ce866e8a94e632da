//! Thin Leptos views: they render the discussion's signals and hand reader
//! actions to `crate::discussion`.

mod article_view;
mod comment_field;
pub mod comment_item;
mod composer;
mod discussion_view;
mod edit_box;
mod formatted_text;
pub mod thread_view;
mod transfer;
mod undo_bar;

pub use article_view::ArticleView;
pub use comment_item::CommentItem;
pub use composer::Composer;
pub use discussion_view::DiscussionView;
pub use edit_box::EditBox;
pub use formatted_text::FormattedText;
pub use thread_view::ThreadView;
pub use transfer::Transfer;
pub use undo_bar::UndoBar;

use crate::model::Text;
use leptos::prelude::use_context;

/// The interface text in the reader's language (English outside an `App`).
pub fn use_text() -> Text {
    use_context::<Text>().unwrap_or_else(Text::english)
}
