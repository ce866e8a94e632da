// The benchmark's reference: the same article and thread as agora, rendered
// with direct DOM calls, reading and writing the same storage format (one
// key per comment), posting the same way. It is what a careful hand-written
// JavaScript page costs, so that agora's figures can be read as ratios.
import seed from './seed.js';

const thread = new URLSearchParams(location.search).get('thread') ?? seed.id;
const prefix = `agora:v1:${thread}:c:`;
const el = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

function stored() {
  const comments = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key.startsWith(prefix)) continue;
    try {
      const c = JSON.parse(localStorage.getItem(key));
      if (c && c.v === 1 && typeof c.text === 'string' && !c.deleted) comments.push(c);
    } catch { /* ignored, as agora does */ }
  }
  return comments.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

function commentView(author, text) {
  const item = el('li', 'agora-thread__item');
  const article = el('article', 'agora-comment');
  article.append(el('span', 'agora-comment__author', author), el('div', 'agora-formatted', text));
  item.append(article);
  return item;
}

const root = el('div', 'agora');
const article = el('article', 'agora-article');
article.append(el('h1', 'agora-article__title', seed.title), ...seed.paragraphs.map((p) => el('p', '', p)));
const heading = el('h2', 'agora-thread__count');
const list = el('ol', 'agora-thread');
let count = 0;
const setCount = (n) => { count = n; heading.textContent = `${n} ${n === 1 ? 'Comment' : 'Comments'}`; };
list.append(...seed.comments.map((c) => commentView(c.author, c.text)), ...stored().map((c) => commentView(c.author, c.text)));
setCount(list.children.length);

const form = el('form', 'agora-composer');
const name = Object.assign(el('input'), { name: 'name' });
const text = Object.assign(el('textarea'), { name: 'comment' });
const button = Object.assign(el('button', 'agora-button', 'Post comment'), { type: 'submit' });
form.append(name, text, button);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const author = name.value.trim();
  const body = text.value.trim();
  if (!author || !body) return;
  const at = Date.now();
  const id = `${at.toString(36)}-${Math.floor(Math.random() * 2 ** 52).toString(36)}`;
  localStorage.setItem(prefix + id, JSON.stringify({ v: 1, id, author, text: body, at }));
  list.append(commentView(author, body));
  setCount(count + 1);
  text.value = '';
});
const section = el('section', 'agora-discussion');
section.append(heading, list, form);
root.append(article, section);
document.body.append(root);
