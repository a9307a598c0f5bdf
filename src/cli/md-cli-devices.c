/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "md-cli"

#include "config.h"

#include "md-cli-commands.h"
#include "md-cli-common.h"
#include "md-sound-devices.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

static void
add_json_list (JsonBuilder       *builder,
               GPtrArray         *devices,
               MdMediaDeviceKind  kind,
               const char        *member)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < devices->len; i++)
    {
      MdMediaDevice *device = devices->pdata[i];

      if (device->kind != kind)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, device->name);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, device->id);
      json_builder_set_member_name (builder, "default");
      json_builder_add_boolean_value (builder, device->is_default);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_list (GPtrArray         *devices,
            MdMediaDeviceKind  kind,
            const char        *title)
{
  gboolean any = FALSE;

  g_print ("%s\n", title);
  for (guint i = 0; i < devices->len; i++)
    {
      MdMediaDevice *device = devices->pdata[i];

      if (device->kind != kind)
        continue;
      any = TRUE;
      /* The default is starred, as the system picks it for "auto". */
      g_print ("  %s %s (%s)\n", device->is_default ? "*" : " ", device->name, device->id);
    }
  if (!any)
    g_print ("  %s\n", _("none"));
}

int
md_cli_devices_main (int    argc,
                     char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— list the sound devices calls can use"));
  g_autoptr(GPtrArray) devices = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!md_cli_parse_options (context, &argc, &argv))
    return MD_CLI_EXIT_USAGE;
  if (argc != 1)
    {
      md_cli_print_error ("devices", _("takes no arguments (see “meetdial-cli devices --help”)"));
      return MD_CLI_EXIT_USAGE;
    }

  devices = md_sound_devices_list ();
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_json_list (builder, devices, MD_MEDIA_DEVICE_INPUT, "inputs");
      add_json_list (builder, devices, MD_MEDIA_DEVICE_OUTPUT, "outputs");
      json_builder_end_object (builder);
      md_cli_print_json (json_builder_get_root (builder));
      return MD_CLI_EXIT_OK;
    }

  if (devices->len == 0)
    {
      md_cli_print_error ("devices", _("no sound device found: is PipeWire or PulseAudio running?"));
      return MD_CLI_EXIT_FAILED;
    }
  print_list (devices, MD_MEDIA_DEVICE_INPUT, _("Inputs (* = the system default):"));
  print_list (devices, MD_MEDIA_DEVICE_OUTPUT, _("Outputs (* = the system default):"));
  return MD_CLI_EXIT_OK;
}
