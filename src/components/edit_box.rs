use super::comment_field::CommentField;
use super::use_text;
use crate::discussion::use_discussion;
use crate::model::writing::validate::Field;
use crate::model::{Body, CommentId};
use crate::relay;
use leptos::html;
use leptos::prelude::*;

/// Edits one of the reader's comments in place, by the same rules as
/// posting. Ctrl/Cmd+Enter saves, Escape cancels.
#[component]
pub fn EditBox(id: CommentId, body: String, on_close: Callback<()>) -> impl IntoView {
    let Some(discussion) = use_discussion() else {
        return ().into_any();
    };
    let text = use_text();
    let body = RwSignal::new(body);
    let error = RwSignal::new(None::<String>);
    let text_ref = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(input) = text_ref.get() {
            let _ = input.focus();
        }
    });
    let field_id = format!("{}-edit", discussion.id_prefix());
    let note = relay::views::edit_note(discussion.relays(), text);
    let save = Callback::new(move |()| match Body::check(&body.get_untracked()) {
        Err(problem) => error.set(Some(text.field_error(Field::Text, problem))),
        Ok(body) => match discussion.edit(&id, body) {
            Ok(()) => on_close.run(()),
            Err(failure) => error.set(Some(failure.describe(&text))),
        },
    });
    view! {
        <div class="agora-edit">
            {note}
            <CommentField
                id=field_id
                label=text.edit_label.to_string()
                value=body
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
                <button class="agora-button" type="button" on:click=move |_| save.run(())>{text.save}</button>
                <button class="agora-button agora-button--secondary" type="button" on:click=move |_| on_close.run(())>
                    {text.cancel}
                </button>
            </div>
        </div>
    }
    .into_any()
}
