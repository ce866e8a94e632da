use super::CommentItem;
use crate::model::{count_heading, Thread};
use leptos::prelude::*;

/// The count heading and the comments, in display order.
#[component]
pub fn ThreadView(thread: RwSignal<Thread>, heading_id: String) -> impl IntoView {
    let comments = move || thread.with(|thread| thread.comments().cloned().collect::<Vec<_>>());
    view! {
        <h2 class="agora-thread__count" id=heading_id aria-live="polite">
            {move || count_heading(thread.with(Thread::len))}
        </h2>
        <ol class="agora-thread">
            <For each=comments key=|comment| comment.id.clone() let:comment>
                <li class="agora-thread__item">
                    <CommentItem comment />
                </li>
            </For>
        </ol>
    }
}
