/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The only file that speaks C++: libphonenumber behind C functions. It is
 * built as a module that md-phone-number.c loads on first use, so a program
 * that never needs a phone number rule never loads libphonenumber, protobuf
 * and ICU at all. Each function here is md-phone-number.h's namesake with
 * the "_impl" suffix. */

#include <glib.h>
#include <gmodule.h>

#include <phonenumbers/phonenumberutil.h>

#include <string>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

static PhoneNumberUtil *
util (void)
{
  return PhoneNumberUtil::GetInstance ();
}

static bool
parse_number (const char  *text,
              const char  *region,
              PhoneNumber *number)
{
  if (text == nullptr || *text == '\0')
    return false;

  return util ()->Parse (text, region ? region : "ZZ", number) == PhoneNumberUtil::NO_PARSING_ERROR;
}

/* E.164 allows at most 15 digits after the '+'. */
#define MAX_E164_DIGITS 15

/* The number in E.164, or NULL when libphonenumber would produce more digits
 * than E.164 allows (it keeps over-long national input as it is). */
static char *
format_e164 (const PhoneNumber &number)
{
  std::string out;

  util ()->Format (number, PhoneNumberUtil::E164, &out);
  if (out.size () < 2 || out.size () - 1 > MAX_E164_DIGITS)
    return nullptr;
  return g_strdup (out.c_str ());
}

extern "C" G_MODULE_EXPORT gboolean
md_phone_number_is_country_code_impl (guint country_code)
{
  std::string region;

  if (country_code == 0 || country_code > 999)
    return FALSE;

  util ()->GetRegionCodeForCountryCode ((int) country_code, &region);
  return region != "ZZ";
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_to_e164_impl (const char *text,
                         const char *region)
{
  PhoneNumber number;

  if (!parse_number (text, region, &number))
    return nullptr;
  if (!util ()->IsPossibleNumber (number))
    return nullptr;

  return format_e164 (number);
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_resolve_local_impl (const char *local_digits,
                               const char *prefix)
{
  PhoneNumber resolved;
  std::string digits;
  std::string region;
  guint country_code = 0;
  size_t cc_len = 0;

  if (prefix == nullptr || prefix[0] != '+' || local_digits == nullptr || *local_digits == '\0')
    return nullptr;

  digits = prefix + 1;
  if (digits.empty () || digits.find_first_not_of ("0123456789") != std::string::npos)
    return nullptr;

  /* Country codes are prefix-free, so the first match of 1–3 digits is it:
   * "+4420" is country 44 with area code 20. */
  for (cc_len = 1; cc_len <= 3 && cc_len <= digits.size (); cc_len++)
    {
      country_code = country_code * 10 + (guint) (digits[cc_len - 1] - '0');
      if (md_phone_number_is_country_code_impl (country_code))
        break;
    }
  if (cc_len > 3 || cc_len > digits.size ())
    return nullptr;

  util ()->GetRegionCodeForCountryCode ((int) country_code, &region);

  /* An area code in the prefix is followed directly by the local digits;
   * a bare country code makes them a national number, trunk prefix and all. */
  std::string national = digits.substr (cc_len) + local_digits;
  if (parse_number (national.c_str (), region.c_str (), &resolved) &&
      resolved.country_code () == (int) country_code)
    {
      char *e164 = format_e164 (resolved);
      if (e164 != nullptr)
        return e164;
    }

  /* left for the caller to judge, length included */
  return g_strdup_printf ("+%u%s", country_code, national.c_str ());
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_format_impl (const char *e164)
{
  PhoneNumber number;
  std::string out;

  if (!parse_number (e164, "ZZ", &number))
    return g_strdup (e164);

  util ()->Format (number, PhoneNumberUtil::INTERNATIONAL, &out);
  return g_strdup (out.c_str ());
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_region_impl (const char *e164)
{
  PhoneNumber number;
  std::string region;

  if (!parse_number (e164, "ZZ", &number))
    return nullptr;

  util ()->GetRegionCodeForNumber (number, &region);
  if (region.empty () || region == "ZZ")
    {
      util ()->GetRegionCodeForCountryCode (number.country_code (), &region);
      if (region.empty () || region == "ZZ" || region == "001")
        return nullptr;
    }
  return g_strdup (region.c_str ());
}

extern "C" G_MODULE_EXPORT gboolean
md_phone_number_is_toll_free_impl (const char *e164)
{
  PhoneNumber number;

  if (!parse_number (e164, "ZZ", &number))
    return FALSE;

  return util ()->GetNumberType (number) == PhoneNumberUtil::TOLL_FREE;
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_country_code_impl (const char *e164)
{
  PhoneNumber number;

  if (!parse_number (e164, "ZZ", &number))
    return nullptr;

  return g_strdup_printf ("%d", number.country_code ());
}

extern "C" G_MODULE_EXPORT char *
md_phone_number_region_for_country_code_impl (guint country_code)
{
  std::string region;

  util ()->GetRegionCodeForCountryCode ((int) country_code, &region);
  if (region.empty () || region == "ZZ" || region == "001")
    return nullptr;
  return g_strdup (region.c_str ());
}
