// Adds the counts of the relay tests, whose relay listens on a port chosen
// at run time: ?relays=, ?moderators= and ?moderation= for one shared story
// (?url=, the thread ?thread=), and ?many=N for N shared stories (?lang= for their words).
// ?widget=1 adds a discussion of the local story to this page.
const query = new URLSearchParams(location.search);
const list = document.querySelector('.stories');
const item = (id, title, attributes) => {
  const li = document.createElement('li');
  li.id = id;
  const link = document.createElement('a');
  link.href = `#${id}`;
  link.textContent = title;
  const count = document.createElement('agora-count');
  for (const [name, value] of Object.entries(attributes)) if (value) count.setAttribute(name, value);
  li.append(link, count);
  list.append(li);
};
const relays = query.get('relays');
if (relays && query.get('url')) {
  item('shared', 'A story shared on relays', {
    relays, url: query.get('url'), thread: query.get('thread'), moderators: query.get('moderators'),
    moderation: query.get('moderation'),
  });
}
for (let i = 0; i < Number(query.get('many') ?? 0); i++) {
  item(`many-${i}`, `Shared story ${i}`, {
    relays, url: `https://news.example/2026/many-${i}`, thread: `many-${i}`, lang: query.get('lang'),
  });
}
if (query.get('widget')) {
  const thread = document.createElement('agora-thread');
  thread.setAttribute('src', 'local-story.json');
  document.body.append(thread);
}
