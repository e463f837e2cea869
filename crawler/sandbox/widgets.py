"""HTML fragments shared by blog pages: blogrolls, social links, share buttons, comments, e-mails."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from crawler.sandbox import text
from crawler.sandbox.model import Blog, Comment, iso

XFN_RELS = ("friend met", "friend", "acquaintance met", "colleague", "friend co-worker")
SOCIAL_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (Twitter)",
    "linkedin": "LinkedIn",
    "youtube": "YouTube",
}


def _items(entries: list[tuple[str, str]], rels: bool = False) -> str:
    out = []
    for i, (url, name) in enumerate(entries):
        rel = f' rel="{XFN_RELS[i % len(XFN_RELS)]}"' if rels else ""
        out.append(f'<li><a href="{escape(url)}"{rel}>{escape(name)}</a></li>')
    return "\n".join(out)


def blogroll_widget(blog: Blog, latest: dict[str, tuple[str, str]]) -> str:
    """Sidebar blogroll in the blog's markup variant ('' when it lives on its own page).

    `latest` maps a blogroll URL to (post URL, post title), shown by Blogger's BlogList.
    """
    style, heading, entries = blog.blogroll_style, escape(blog.blogroll_heading), blog.blogroll
    if not entries or style in ("none", "page"):
        return ""
    if style == "wp_links":
        return (
            f'<div id="linkcat-2" class="widget widget_links"><h2 class="widgettitle">{heading}</h2>\n'
            f'<ul class="xoxo blogroll">\n{_items(entries)}\n</ul></div>'
        )
    if style == "wp_linkcat":
        return (
            f'<ul class="sidebar-links"><li id="linkcat-2" class="linkcat"><h2>{heading}</h2>\n'
            f"<ul class='xoxo blogroll'>\n{_items(entries)}\n</ul></li></ul>"
        )
    if style == "builder":  # a page builder: a plain list under an <h3>, in nested divs
        return (
            '<div class="elementor-column"><div class="elementor-widget-wrap"><div class="elementor-widget-container">'
            f"<h3>{heading}</h3>\n<ul>\n{_items(entries)}\n</ul></div></div></div>"
        )
    if style == "blogger_bloglist":
        return _blogger_bloglist(heading, entries, latest)
    if style == "blogger_linklist":
        return (
            f'<div class="widget LinkList" data-version="1" id="LinkList1"><h2>{heading}</h2>\n'
            f'<div class="widget-content"><ul>\n{_items(entries)}\n</ul><div class="clear"></div>'
            f"</div></div>"
        )
    if style == "opml":
        return (
            f'<section class="widget"><h3 class="widget-title">{heading}</h3><ul>\n'
            f"{_items(entries[: max(1, len(entries) // 2)])}\n</ul></section>"
        )
    return (
        f'<section class="widget widget_text"><h3 class="widget-title">{heading}</h3><ul>\n'
        f"{_items(entries, rels=style == 'xfn')}\n</ul></section>"
    )


def _blogger_bloglist(heading: str, entries: list[tuple[str, str]], latest: dict[str, tuple[str, str]]) -> str:
    items = []
    for url, name in entries:
        post_url, post_title = latest.get(url, (url, name))
        items.append(
            '<li style="display: block;"><div class="blog-content">'
            f'<div class="blog-title"><a href="{escape(url)}" target="_blank">{escape(name)}</a></div>'
            f'<div class="item-content"><span class="item-title"><a href="{escape(post_url)}" '
            f'target="_blank">{escape(post_title)}</a></span></div></div>'
            '<div style="clear: both;"></div></li>'
        )
    body = "\n".join(items)
    return (
        f'<div class="widget BlogList" data-version="1" id="BlogList1"><h2 class="title">{heading}</h2>\n'
        f'<div class="widget-content"><div class="blog-list-container" id="BlogList1_container">'
        f'<ul id="BlogList1_blogs">\n{body}\n</ul></div></div></div>'
    )


def blogroll_page_list(entries: list[tuple[str, str]]) -> str:
    """The list on a separate blogroll/links/partner page."""
    return f'<ul class="blogroll links-page">\n{_items(entries)}\n</ul>'


def social_widget(blog: Blog) -> str:
    """Profile links (Facebook, Instagram, X, LinkedIn, YouTube)."""
    if not blog.social:
        return ""
    items = "\n".join(
        f'<li><a href="{escape(url)}" rel="me noopener" target="_blank">{SOCIAL_NAMES[name]}</a></li>'
        for name, url in blog.social.items()
    )
    return (
        f'<section class="widget widget_social"><h3 class="widget-title">{text.ui(blog.lang, "follow")}'
        f'</h3><ul class="social-links">\n{items}\n</ul></section>'
    )


def share_buttons(blog: Blog, url: str, title: str) -> str:
    """Share buttons with the post URL in the query."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return (
        f'<div class="sharedaddy sd-sharing"><h3 class="sd-title">{text.ui(blog.lang, "share")}:</h3>'
        f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={u}">Facebook</a> '
        f'<a class="share-twitter" href="https://twitter.com/intent/tweet?url={u}&amp;text={t}">X</a> '
        f'<a class="share-linkedin" href="https://www.linkedin.com/sharing/share-offsite/?url={u}">'
        f"LinkedIn</a></div>"
    )


def comments_html(blog: Blog, comments: list[Comment]) -> str:
    """Comment list in WordPress or Blogger markup ('' for other CMSs or no comments)."""
    if not comments or blog.cms not in ("wordpress", "blogger"):
        return ""
    texts = text.lang_vocab(blog.lang)["comment_texts"]
    items = []
    for i, c in enumerate(comments, start=1):
        name = escape(c.author)
        body, day = escape(texts[c.text_index % len(texts)]), text.format_date(c.when, blog.lang)
        if blog.cms == "wordpress":
            author = f'<a class="url" rel="external nofollow ugc" href="{escape(c.url)}">{name}</a>' if c.url else name
            items.append(
                f'<li id="comment-{i}" class="comment"><article class="comment-body"><footer class="comment-meta">'
                f'<div class="comment-author vcard"><b class="fn">{author}</b> '
                f'<span class="says">{text.ui(blog.lang, "says")}</span></div>'
                f'<div class="comment-metadata"><time datetime="{iso(c.when)}">{day}</time></div></footer>'
                f'<div class="comment-content"><p>{body}</p></div></article></li>'
            )
        else:
            author = f'<a href="{escape(c.url)}" rel="nofollow">{name}</a>' if c.url else name
            items.append(
                f'<li class="comment" id="c{i}"><div class="comment-block"><div class="comment-header">'
                f'<cite class="user">{author}</cite> <span class="datetime secondary-text">{day}</span></div>'
                f'<p class="comment-content">{body}</p></div></li>'
            )
    heading = f"{len(comments)} {text.ui(blog.lang, 'comments')}"
    cls = "comment-list" if blog.cms == "wordpress" else "comment-thread"
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{heading}</h2>\n'
        f'<ol class="{cls}">\n' + "\n".join(items) + "\n</ol></div>"
    )


def obfuscated_email(address: str, style: str) -> str:
    """An e-mail address as blogs write it: mailto link, '[at]'/'(at)' spelling or entities."""
    local, _, domain = address.partition("@")
    if style == "at_dot":
        name, _, tld = domain.rpartition(".")
        return f"{escape(local)} [at] {escape(name)} [dot] {escape(tld)}"
    if style == "paren_at":
        return f"{escape(local)}(at){escape(domain)}"
    if style == "entity":
        return f"{escape(local)}&#64;{escape(domain)}"
    if style == "plain":
        return escape(address)
    return f'<a href="mailto:{escape(address)}">{escape(address)}</a>'
