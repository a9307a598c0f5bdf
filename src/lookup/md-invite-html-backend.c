/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-lookup"

#include "config.h"

#include "md-lookup-backends.h"

#include <libxml/HTMLparser.h>
#include <string.h>

/* Part of the meetdial-lookup module (md-lookup-backends.c): HTML to text
 * with libxml2. */

/* Deeper than any real e-mail; keeps recursion bounded on hostile input. */
#define MAX_DEPTH 256

static gboolean
is_block (const char *name)
{
  static const char * const blocks[] = {
    "p", "div", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
    "h6", "blockquote", "pre", "section", "article", "header", "footer",
    "hr", "dt", "dd", "dl", "center", "address", "body",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
end_line (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

static void
collect_text (xmlNode  *node,
              GString  *out,
              char    **title,
              guint     depth)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            g_string_append (out, (const char *) node->content);
          continue;
        }
      if (node->type != XML_ELEMENT_NODE || name == NULL)
        continue;

      if (g_ascii_strcasecmp (name, "script") == 0 ||
          g_ascii_strcasecmp (name, "style") == 0)
        continue;

      if (g_ascii_strcasecmp (name, "title") == 0)
        {
          xmlChar *content = xmlNodeGetContent (node);

          if (title != NULL && *title == NULL && content != NULL)
            *title = g_strstrip (g_strdup ((const char *) content));
          xmlFree (content);
          continue;
        }

      if (g_ascii_strcasecmp (name, "br") == 0)
        {
          g_string_append_c (out, '\n');
          continue;
        }

      if (is_block (name))
        end_line (out);
      else if (g_ascii_strcasecmp (name, "td") == 0 || g_ascii_strcasecmp (name, "th") == 0)
        g_string_append_c (out, ' ');

      if (depth < MAX_DEPTH)
        collect_text (node->children, out, title, depth + 1);

      if (g_ascii_strcasecmp (name, "a") == 0)
        {
          xmlChar *href = xmlGetProp (node, (const xmlChar *) "href");

          /* A join link or a video address may only be in the target;
           * tel: targets repeat the visible number and are left out. */
          if (href != NULL &&
              (g_ascii_strncasecmp ((const char *) href, "http", 4) == 0 ||
               g_ascii_strncasecmp ((const char *) href, "sip", 3) == 0) &&
              strstr (out->str, (const char *) href) == NULL)
            g_string_append_printf (out, " <%s>", (const char *) href);
          xmlFree (href);
        }

      if (is_block (name))
        end_line (out);
    }
}

G_MODULE_EXPORT char *
md_lookup_html_to_text_impl (const char *html,
                             gsize       length,
                             char      **title)
{
  htmlDocPtr doc;
  GString *out = g_string_new (NULL);

  if (title != NULL)
    *title = NULL;

  if (length > G_MAXINT)
    length = G_MAXINT;

  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_RECOVER);
  if (doc != NULL)
    {
      collect_text (xmlDocGetRootElement (doc), out, title, 0);
      xmlFreeDoc (doc);
    }

  return g_string_free (out, FALSE);
}
