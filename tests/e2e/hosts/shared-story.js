// Adds the discussion with the relays given in this page's ?relays=.
const element = document.createElement('agora-thread');
element.setAttribute('thread', 'element');
element.setAttribute('relays', new URLSearchParams(location.search).get('relays') ?? '');
document.body.append(element);
