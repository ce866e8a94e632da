use crate::discussion::use_discussion;
use leptos::html;
use leptos::prelude::*;

/// "Comment deleted. Undo" for a few seconds after a delete. Focus moves to
/// "Undo", so a keyboard user can take it back at once.
#[component]
pub fn UndoBar() -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let failure = RwSignal::new(None::<String>);
    let undo_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = undo_ref.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="agora-undo" role="status">
            {move || discussion.can_undo().then(|| {
                let (discussion, text) = (discussion.clone(), discussion.text());
                view! {
                    <span>{text.comment_deleted}</span>
                    <button
                        class="agora-button agora-button--secondary"
                        type="button"
                        node_ref=undo_ref
                        on:click=move |_| failure.set(discussion.undo_delete().err().map(|error| error.describe(&text)))
                    >
                        {text.undo}
                    </button>
                }
            })}
            <span class="agora-undo__failure">{move || failure.get()}</span>
        </div>
    }
    .into_any()
}
