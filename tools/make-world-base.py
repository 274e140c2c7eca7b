#!/usr/bin/env python3
"""Writes Corpus/world.json, Frontline's world base: every state as a party and the usual
international bodies as third parties, under every conflict gazetteer (see README.md,
"The world base").

Sources, both named in the file written:
  - pycountry (PyPI, LGPL-2.1; ISO 3166-1 from Debian's iso-codes): each state's ISO names
    and codes;
  - mledoze/countries (https://github.com/mledoze/countries, ODbL 1.0): common and official
    names, other spellings, capitals and English demonyms.
The few tables below (press names, seats of government, abbreviations, capitals that are
also common words, international bodies) are this script's own.

    pip install pycountry
    python3 tools/make-world-base.py path/to/mledoze/countries.json > Corpus/world.json
"""
import json, re, sys, unicodedata
import pycountry

MLEDOZE_COMMIT = sys.argv[2] if len(sys.argv) > 2 else None

# English names the press uses that neither source gives as a state's name.
PRESS_NAMES = {
    "TR": ["Turkey"], "CZ": ["Czech Republic"], "CI": ["Ivory Coast"], "CV": ["Cape Verde"],
    "MK": ["Macedonia"], "TL": ["East Timor"], "PS": ["Palestine", "Palestinian territories"],
    "KR": ["South Korea"], "KP": ["North Korea"], "CD": ["Congo-Kinshasa"], "CG": ["Congo-Brazzaville"],
    "VA": ["Vatican", "Holy See"], "GB": ["Britain", "Great Britain"],
}
# Labels (and so ids) where the common name is not the one English news uses.
LABELS = {"TR": "Turkey", "CZ": "Czech Republic", "VA": "Vatican City"}
# Demonyms and adjectives the press uses besides the source's.
PRESS_DEMONYMS = {
    "AZ": ["Azeri", "Azeris"], "GB": ["British", "Briton", "Britons", "UK"], "US": ["American", "Americans", "US", "U.S."],
    "NL": ["Dutch"], "KG": ["Kyrgyz"], "TJ": ["Tajik", "Tajiks"], "PH": ["Filipinos", "Philippine"],
    "SA": ["Saudi", "Saudis"], "AE": ["Emirati", "Emiratis"], "IL": ["Israeli", "Israelis"],
    "PS": ["Palestinian", "Palestinians"], "MM": ["Burmese"], "CN": ["Chinese"],
}
# Seats of government and other metonyms, beside the capital.
SEATS = {
    "RU": ["Kremlin", "the Kremlin"], "US": ["White House", "Pentagon", "State Department", "Washington"],
    "GB": ["Downing Street", "Whitehall", "Foreign Office"], "FR": ["Elysee", "Élysée", "Quai d'Orsay"],
    "UA": ["Kiev"], "CN": ["Zhongnanhai"], "KR": ["Blue House"], "IL": ["Knesset"], "VA": ["Vatican"],
}
# Abbreviations that stand for a state in news text (most two-letter codes are words).
ABBREVIATIONS = {"US": ["US", "U.S.", "USA", "U.S.A."], "GB": ["UK", "U.K."], "AE": ["UAE"], "CD": ["DRC"], "ZA": ["RSA"]}
# Capitals that are also common words or names of people and so are not a state's alias.
CAPITAL_WORDS = {"Male", "Malé", "Victoria", "Kingston", "Hamilton", "Georgetown", "Santiago", "Lobamba", "Luxembourg",
                 "Monaco", "Singapore", "Kuwait City", "Vatican City", "Djibouti", "Guatemala City", "Panama City",
                 "Mexico City", "San Marino", "City of San Marino", "Andorra la Vella", "Kingstown", "Roseau", "Palikir",
                 "Washington D.C.", "Jerusalem", "Ramallah"}
# States and territories outside the source's "independent" and "unMember" flags that news treats as parties.
ALSO = {"PS", "XK", "TW", "VA"}

INTERNATIONAL = [
    ("un", "United Nations", ["United Nations", "UN", "U.N."],
     ["UN Security Council", "U.N. Security Council", "Security Council", "UN General Assembly", "UN Secretary-General", "UN peacekeepers"]),
    ("unhcr", "UNHCR", ["UNHCR"], ["UN refugee agency", "U.N. refugee agency", "UN High Commissioner for Refugees"]),
    ("unicef", "UNICEF", ["UNICEF"], ["UN children's agency", "U.N. children's agency"]),
    ("who", "World Health Organization", ["World Health Organization", "WHO"], ["World Health Organisation"]),
    ("ohchr", "UN human rights office", ["OHCHR"],
     ["UN human rights office", "U.N. human rights office", "UN Human Rights Office", "UN human rights monitoring mission",
      "UN Human Rights Council", "UN High Commissioner for Human Rights", "UN Commission of Inquiry", "U.N. Commission of Inquiry"]),
    ("ocha", "UN OCHA", ["OCHA"], ["UN humanitarian office", "UN Office for the Coordination of Humanitarian Affairs"]),
    ("wfp", "World Food Programme", ["World Food Programme", "WFP"], ["World Food Program"]),
    ("iaea", "IAEA", ["IAEA", "International Atomic Energy Agency"], ["UN nuclear watchdog", "U.N. nuclear watchdog"]),
    ("osce", "OSCE", ["OSCE", "Organization for Security and Co-operation in Europe", "Organisation for Security and Cooperation in Europe"],
     ["OSCE Special Monitoring Mission"]),
    ("icrc", "ICRC", ["ICRC", "International Committee of the Red Cross"], ["Red Cross"]),
    ("nato", "NATO", ["NATO", "Nato", "North Atlantic Treaty Organization"], ["the alliance"]),
    ("eu", "European Union", ["European Union", "EU", "E.U."], ["European Commission", "Brussels"]),
    ("au", "African Union", ["African Union"], []),
    ("arab-league", "Arab League", ["Arab League"], []),
    ("icc", "International Criminal Court", ["International Criminal Court", "ICC"], []),
    ("opcw", "OPCW", ["OPCW", "Organisation for the Prohibition of Chemical Weapons"], ["chemical weapons watchdog"]),
    ("amnesty", "Amnesty International", ["Amnesty International"], []),
    ("hrw", "Human Rights Watch", ["Human Rights Watch", "HRW"], []),
    ("msf", "Médecins Sans Frontières", ["Médecins Sans Frontières", "Medecins Sans Frontieres", "MSF", "Doctors Without Borders"], []),
]

LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


def slug(label):
    ascii = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii.lower()).strip("-")


def plurals(demonym):
    if demonym.endswith(("n", "i")) and " " not in demonym:
        return [demonym, demonym + "s"]
    return [demonym]


def main():
    source = json.load(open(sys.argv[1], encoding="utf-8"))
    states = []
    for country in sorted(source, key=lambda c: c["name"]["common"]):
        code = country["cca2"]
        if not (country.get("independent") or country.get("unMember") or code in ALSO):
            continue
        iso = pycountry.countries.get(alpha_2=code)
        label = LABELS.get(code, country["name"]["common"])
        names = [label, country["name"]["common"], country["name"]["official"]] + PRESS_NAMES.get(code, [])
        if iso is not None:
            names += [getattr(iso, "common_name", None) or iso.name, iso.name, getattr(iso, "official_name", None)]
        names += [s for s in country.get("altSpellings", []) if len(s) >= 4 and "," not in s]
        names = [n for n in names if n and LATIN.match(n)]
        demonyms = []
        for form in (country.get("demonyms", {}).get("eng") or {}).values():
            if " or " not in form:
                demonyms += plurals(form)
        demonyms += PRESS_DEMONYMS.get(code, [])
        capitals = [c for c in country.get("capital", []) if c not in CAPITAL_WORDS]
        aliases = demonyms + capitals + SEATS.get(code, []) + ABBREVIATIONS.get(code, [])
        states.append({"id": slug(label), "label": label, "iso": code,
                       "names": unique(names), "aliases": unique(a for a in aliases if a not in names)})
    # A phrase two states claim ("Congolese", "Dominican") stands for neither.
    owners = {}
    for state in states:
        for phrase in state["names"] + state["aliases"]:
            owners.setdefault(phrase.lower(), set()).add(state["id"])
    for state in states:
        state["names"] = [p for p in state["names"] if len(owners[p.lower()]) == 1]
        state["aliases"] = [p for p in state["aliases"] if len(owners[p.lower()]) == 1]
    bodies = [{"id": i, "label": label, "names": names, "aliases": aliases} for i, label, names, aliases in INTERNATIONAL]
    mledoze = "mledoze/countries (https://github.com/mledoze/countries), ODbL 1.0"
    if MLEDOZE_COMMIT:
        mledoze += ", commit " + MLEDOZE_COMMIT
    json.dump({
        "about": "Frontline's world base: every state as a party, with its names, demonyms, capital and seat of government, "
                 "and the usual international bodies as third parties. Under every conflict gazetteer, which extends it; "
                 "alone when no gazetteer is given. Generated: do not edit, run tools/make-world-base.py.",
        "sources": ["pycountry " + pycountry_version() + " (PyPI, LGPL-2.1; ISO 3166-1 from Debian iso-codes)", mledoze,
                    "tools/make-world-base.py (press names, seats of government, abbreviations, international bodies)"],
        "states": states,
        "international": bodies,
    }, sys.stdout, ensure_ascii=False, indent=1)
    print()


def unique(items):
    seen, result = set(), []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            result.append(item)
    return result


def pycountry_version():
    try:
        from importlib.metadata import version
        return version("pycountry")
    except Exception:
        return "?"


main()
