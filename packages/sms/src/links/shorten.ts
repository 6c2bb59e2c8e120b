import LinkifyIt from 'linkify-it';

/**
 * Every URL of a marketing text replaced by a short link of the SMS platform (pure): `linkify-it` finds
 * them (only `http(s)://…` and `www.…`, not bare words that look like domains: "Size S.M" is not a link),
 * trailing punctuation stays outside the link the way mail clients read it. `newCode` makes one code per
 * link, so each recipient's text has its own links and a click names who clicked.
 */

const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export interface Shortened {
  body: string;
  links: { code: string; url: string }[];
}

export function shortenUrls(body: string, base: string, newCode: () => string): Shortened {
  const matches = linkify.match(body);
  if (!matches || matches.length === 0) return { body, links: [] };
  const prefix = `${base.replace(/\/+$/, '')}/l/`;
  const links: Shortened['links'] = [];
  let out = '';
  let at = 0;
  for (const m of matches) {
    // A link of ours already (a text sent before, quoted): left as it is.
    if (m.url.startsWith(prefix)) continue;
    const code = newCode();
    links.push({ code, url: m.url });
    out += body.slice(at, m.index) + prefix + code;
    at = m.lastIndex;
  }
  return { body: out + body.slice(at), links };
}
