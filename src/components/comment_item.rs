use crate::browser::{full_time, iso_time, relative_time};
use crate::model::Comment;
use leptos::prelude::*;
use std::sync::Arc;

/// The current time, ticking while the page is open so that relative times
/// stay true.
#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<f64>);

/// One comment. Its author and text are rendered as text nodes, never as HTML.
#[component]
pub fn CommentItem(comment: Arc<Comment>) -> impl IntoView {
    let anchor = format!("comment-{}", comment.id);
    let author_id = format!("{anchor}-author");
    let labelled_by = author_id.clone();
    let posted = comment.posted_at().map(|at| {
        let now = use_context::<Clock>().map(|clock| clock.0);
        view! {
            <time class="agora-comment__time" datetime=iso_time(at) title=full_time(at)>
                {move || relative_time(now.map(|now| now.get()).unwrap_or(at), at)}
            </time>
        }
    });
    view! {
        <article class="agora-comment" part="comment" id=anchor aria-labelledby=labelled_by>
            <header class="agora-comment__header">
                <span class="agora-comment__author" id=author_id dir="auto">
                    {comment.author.clone()}
                </span>
                {posted}
            </header>
            <p class="agora-comment__text" dir="auto">{comment.text.clone()}</p>
        </article>
    }
}
