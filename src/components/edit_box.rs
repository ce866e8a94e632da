use super::comment_field::CommentField;
use super::use_text;
use crate::discussion::use_discussion;
use crate::model::validate::Field;
use crate::model::{Body, CommentId};
use leptos::html;
use leptos::prelude::*;

/// Edits one of the reader's comments in place, by the same rules as
/// posting. Ctrl/Cmd+Enter saves, Escape cancels.
#[component]
pub fn EditBox(id: CommentId, text: String, on_close: Callback<()>) -> impl IntoView {
    let Some(d) = use_discussion() else {
        return ().into_any();
    };
    let words = use_text();
    let text = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let text_ref = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(input) = text_ref.get() {
            let _ = input.focus();
        }
    });
    let field_id = format!("{}-edit", d.id_prefix);
    let note = shared_note(&d);
    let save = Callback::new(move |()| match Body::check(&text.get_untracked()) {
        Err(problem) => error.set(Some(words.field_error(Field::Text, problem))),
        Ok(body) => match d.edit(&id, body) {
            Ok(()) => on_close.run(()),
            Err(message) => error.set(Some(message)),
        },
    });
    view! {
        <div class="agora-edit">
            {note}
            <CommentField
                id=field_id
                label=words.edit_label.to_string()
                value=text
                error=error.into()
                rows=4
                node_ref=text_ref
                on_input=Callback::new(|()| {})
                on_send=save
                on_escape=on_close
                // The message stays until Save, as the edit box's other errors do.
                on_refused=Callback::new(move |refusal: Option<String>| {
                    if refusal.is_some() {
                        error.set(refusal);
                    }
                })
            />
            <div class="agora-composer__actions">
                <button class="agora-button" type="button" on:click=move |_| save.run(())>{words.save}</button>
                <button class="agora-button agora-button--secondary" type="button" on:click=move |_| on_close.run(())>
                    {words.cancel}
                </button>
            </div>
        </div>
    }
    .into_any()
}

/// What other readers will see of an edit, where the thread is shared:
/// relays cannot change a comment, so the edit is a new one.
#[cfg(feature = "relays")]
fn shared_note(d: &crate::discussion::Discussion) -> Option<impl IntoView + use<>> {
    let words = d.text.edit_shared;
    d.is_shared().then(|| view! { <p class="agora-edit__note">{words}</p> })
}

#[cfg(not(feature = "relays"))]
fn shared_note(_: &crate::discussion::Discussion) -> Option<()> {
    None
}
