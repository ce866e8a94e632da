use crate::model::Article;
use leptos::prelude::*;

#[component]
pub fn ArticleView(article: Article) -> impl IntoView {
    view! {
        <article class="agora-article" part="article">
            <h1 class="agora-article__title">{article.title}</h1>
            {article.byline.map(|byline| view! { <p class="agora-article__byline">{byline}</p> })}
            {article
                .paragraphs
                .into_iter()
                .map(|paragraph| view! { <p>{paragraph}</p> })
                .collect_view()}
        </article>
    }
}
