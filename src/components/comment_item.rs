use super::{Composer, EditBox, FormattedText, use_text};
use crate::browser::{full_time, iso_time};
use crate::discussion::{ActionError, Discussion, use_discussion};
use crate::model::{Answers, Comment, CommentId, DraftSlot, Node, Text, age};
use crate::relay;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;

/// The current time, ticking while the page is open so that relative times
/// stay true.
#[derive(Clone, Copy)]
pub struct Clock(pub ReadSignal<f64>);

/// One comment with its actions, its reply box and its replies. Keyed by id:
/// what it shows is looked up in the discussion's tree, so an edit, a like or
/// a new reply updates only the parts that changed. Reader text is rendered
/// as text nodes, never as HTML.
#[component]
pub fn CommentItem(id: CommentId) -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let text = use_text();
    let node = Memo::new({
        let (discussion, id) = (discussion.clone(), id.clone());
        move |_| discussion.tree().with(|tree| tree.node(&id).cloned())
    });
    let comment = Memo::new(move |_| node.with(|n| n.as_ref().map(|n| Arc::clone(&n.comment))));
    let replies = Memo::new(move |_| node.with(|n| n.as_ref().map(|n| n.replies.clone()).unwrap_or_default()));
    let reply_total = Memo::new(move |_| node.with(|n| n.as_ref().map_or(0, |n| n.reply_total)));

    let anchor = format!("comment-{id}");
    let author_id = format!("{anchor}-author");
    let labelled_by = author_id.clone();
    let article_ref = NodeRef::<html::Article>::new();
    let reply_button = NodeRef::<html::Button>::new();
    let edit_button = NodeRef::<html::Button>::new();

    // Scroll to this comment when it is the one to highlight (a permalink).
    Effect::new({
        let (discussion, id) = (discussion.clone(), id.clone());
        move |_| {
            if discussion.highlight_of(&id).is_some_and(|h| h.scroll)
                && let Some(article) = article_ref.get()
            {
                article.scroll_into_view();
            }
        }
    });

    let highlighted = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || discussion.highlight_of(&id).is_some()
    };
    let is_collapsed = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || discussion.is_collapsed(&id)
    };
    let is_replying = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || discussion.is_replying(&id)
    };
    let is_editing = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || discussion.is_editing(&id)
    };
    let failure = RwSignal::new(None::<String>);
    let relays = discussion.relays();
    let is_new = {
        let discussion = discussion.clone();
        move |comment: &Comment| discussion.is_new(comment)
    };

    let header = move || {
        comment.get().map(|comment| {
            if comment.deleted {
                // Still the element that labels the <article>.
                return view! {
                    <span class="agora-comment__deleted" id=author_id.clone()>{text.deleted}</span>
                }
                .into_any();
            }
            view! {
                <span class="agora-comment__author" id=author_id.clone() dir="auto">
                    {comment.author().to_string()}
                </span>
                {node.with(|n| n.as_ref().and_then(|n| n.answers.clone())).map(|answers| match answers {
                    Answers::Author(name) => view! {
                        <span class="agora-comment__answers" dir="auto">"@" {name}</span>
                    }.into_any(),
                    Answers::Unavailable => view! {
                        <span class="agora-comment__answers agora-comment__answers--unavailable">
                            {text.reply_unavailable}
                        </span>
                    }.into_any(),
                })}
                {posted_time(&comment, text)}
                {is_new(&comment).then(|| view! { <span class="agora-comment__new">{text.new_mark}</span> })}
                {relay::views::delivery(relays, &comment.id, text)}
                {relay::views::hidden_mark(relays, &comment.id, text)}
                {comment.edited_at.map(|_| view! { <span class="agora-comment__edited">{text.edited}</span> })}
            }
            .into_any()
        })
    };
    let body = move || {
        comment.get().filter(|c| !c.deleted).map(|comment| view! { <FormattedText text=comment.text().to_string() /> })
    };

    let actions = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || {
            let comment = comment.get()?;
            if comment.deleted {
                return None;
            }
            Some(actions_view(discussion.clone(), id.clone(), comment, node, failure, reply_button, edit_button))
        }
    };

    let edit_box = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || {
            is_editing().then(|| {
                let body = comment.with_untracked(|c| c.as_ref().map(|c| c.text().to_string()).unwrap_or_default());
                let discussion = discussion.clone();
                let on_close = Callback::new(move |()| {
                    discussion.stop_editing();
                    edit_button.get_untracked().map(|b| b.focus());
                });
                view! { <EditBox id=id.clone() body on_close /> }
            })
        }
    };

    let reply_box = {
        let (discussion, id) = (discussion.clone(), id.clone());
        move || {
            is_replying().then(|| {
                let (discussion, id) = (discussion.clone(), id.clone());
                let to = comment.with_untracked(|c| c.as_ref().map(|c| c.author().to_string()).unwrap_or_default());
                let on_close = Callback::new({
                    let id = id.clone();
                    move |()| {
                        discussion.close_reply(&id);
                        reply_button.get_untracked().map(|b| b.focus());
                    }
                });
                view! {
                    <div class="agora-comment__reply-box">
                        <Composer draft_slot=DraftSlot::Reply(id.clone()) parent=id.clone() title=text.reply_title(&to) on_close />
                    </div>
                }
            })
        }
    };

    let collapse_toggle = {
        let (discussion, id, is_collapsed) = (discussion.clone(), id.clone(), is_collapsed.clone());
        move || {
            let total = reply_total.get();
            (total > 0).then(|| {
                let (discussion, id) = (discussion.clone(), id.clone());
                let collapsed = is_collapsed();
                let label = if collapsed { text.replies_folded(total) } else { "[\u{2013}]".to_string() };
                let accessible = if collapsed { text.show_replies(total) } else { text.hide_replies.to_string() };
                view! {
                    <button
                        class="agora-action agora-action--fold"
                        type="button"
                        aria-expanded=(!collapsed).to_string()
                        aria-label=accessible
                        on:click=move |_| discussion.toggle_collapsed(&id)
                    >
                        {label}
                    </button>
                }
            })
        }
    };

    let reply_list = {
        let is_collapsed = is_collapsed.clone();
        move || {
            (!replies.with(Vec::is_empty) && !is_collapsed()).then(|| {
                view! {
                    <ol class="agora-thread agora-thread--replies">
                        <For each=move || replies.get() key=|id| id.clone() let:child>
                            {view! { <CommentItem id=child /> }.into_any()}
                        </For>
                    </ol>
                }
            })
        }
    };

    view! {
        <li class="agora-thread__item">
            <article
                class=move || if highlighted() { "agora-comment agora-comment--highlighted" } else { "agora-comment" }
                part="comment"
                id=anchor
                aria-labelledby=labelled_by
                node_ref=article_ref
            >
                <header class="agora-comment__header">{header}</header>
                {body}
                {edit_box}
                <div class="agora-comment__actions">{actions} {collapse_toggle}</div>
                <p class="agora-comment__failure" role="alert">{move || failure.get()}</p>
            </article>
            {reply_box}
            {reply_list}
        </li>
    }
    .into_any()
}

fn posted_time(comment: &Comment, text: Text) -> Option<impl IntoView> {
    let at = comment.posted_at()?;
    let now = use_context::<Clock>().map(|clock| clock.0);
    Some(view! {
        <time class="agora-comment__time" datetime=iso_time(at) title=full_time(&text, at)>
            {move || text.ago(age(now.map(|now| now.get()).unwrap_or(at), at))}
        </time>
    })
}

/// Reply, like, link, and for the reader's own comments edit and delete.
fn actions_view(
    discussion: Discussion,
    id: CommentId,
    comment: Arc<Comment>,
    node: Memo<Option<Node>>,
    failure: RwSignal<Option<String>>,
    reply_button: NodeRef<html::Button>,
    edit_button: NodeRef<html::Button>,
) -> impl IntoView {
    let text = discussion.text();
    let author = comment.author().to_string();
    let likes = move || node.with(|n| n.as_ref().map_or(0, |n| n.likes));
    let liked = move || node.with(|n| n.as_ref().is_some_and(|n| n.liked));
    let like_label = {
        let author = author.clone();
        move || text.like_label(&author, likes())
    };
    let report = move |result: Result<(), ActionError>| failure.set(result.err().map(|error| error.describe(&text)));
    let own = comment.is_own().then(|| {
        let (edit_on, edit_id, delete_on, delete_id) = (discussion.clone(), id.clone(), discussion.clone(), id.clone());
        view! {
            <button class="agora-action" type="button" node_ref=edit_button on:click=move |_| edit_on.start_editing(&edit_id)>
                {text.edit}
            </button>
            <button class="agora-action" type="button" on:click=move |_| report(delete_on.delete(&delete_id))>
                {text.delete}
            </button>
        }
    });
    let (replying_on, id_reply, like_on, id_like) = (discussion.clone(), id.clone(), discussion.clone(), id.clone());
    view! {
        <button
            class="agora-action"
            type="button"
            node_ref=reply_button
            aria-label=text.reply_to(&author)
            aria-expanded=move || replying_on.is_replying(&id_reply).to_string()
            on:click={
                let (discussion, id) = (discussion.clone(), id.clone());
                move |_| discussion.toggle_reply(&id)
            }
        >
            {text.reply}
        </button>
        <button
            class="agora-action agora-action--like"
            type="button"
            aria-pressed=move || liked().to_string()
            aria-label=like_label
            on:click=move |_| report(like_on.toggle_like(&id_like))
        >
            {text.like} " " <span class="agora-action__count">{likes}</span>
        </button>
        <a class="agora-action" href=format!("#comment-{id}") aria-label=text.link_label(comment.author())>
            {text.link}
        </a>
        {own}
        {relay::views::moderation(discussion.relays(), &id, comment.author(), text)}
    }
}
