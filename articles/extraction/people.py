"""People found by their role: "the Ambassador of Kazakhstan, H. E. Bakyt Dyussenbayev".

Three shapes, in cs/en/de:

- role, comma, honorific, name: "the Ambassador of Kazakhstan, H. E. Bakyt ...";
- role and name: "the Governor of the Pilsen Region Rudolf Špoták received";
- name, comma, role: "Jana Veselá, Vice-Rector of the University of ...".

Czech roles are recognised in any case ("velvyslance Kazachstánu J. E.
Bakyta Dyussenbayeva") and given, with the name, in the nominative.
Honorifics and academic titles are left out of the name.
"""

from dataclasses import dataclass
from functools import cache

from .folding import fold
from .gazetteer import lexicon
from .tokens import Token, connectors, match_at, sequences, skip_titles

STOP = {",", ".", ";", ":", "(", ")", "!", "?", "–", "—", '"', "“", "”", "„"}
MAX_COMPLEMENT = 12


@dataclass
class PersonMention:
    name: str
    role: str
    start: int  # where the role or name begins in the text
    end: int
    role_span: tuple[int, int]


@cache
def role_forms(language: str) -> dict[tuple[str, ...], tuple[str, str, bool]]:
    """Folded role word sequences -> (nominative, case, feminine)."""
    forms: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    if language == "cs":
        for entry in lexicon()["czech_roles"]:
            feminine = entry.get("feminine", False)
            for case in ("lemma", "gen", "acc", "dat", "ins"):
                if case in entry:
                    seq = sequences([entry[case]])[0]
                    forms.setdefault(seq, (entry["lemma"], case, feminine))
    else:
        for word in lexicon()["role_words"].get(language, []):
            forms[sequences([word])[0]] = (word, "lemma", False)
    return dict(sorted(forms.items(), key=lambda item: len(item[0]), reverse=True))


@cache
def not_name_words() -> frozenset[str]:
    words = {fold(w) for w in lexicon()["not_name_words"]}
    for language in ("cs", "en", "de"):
        words.update(w for seq in role_forms(language) for w in seq)
    return frozenset(words)


def nominative(word: str, case: str, feminine: bool, first: bool) -> str:
    """Undo the Czech case ending of a name word ("Bakyta" -> "Bakyt")."""
    if case in ("", "lemma"):
        return word
    lower = word.lower()
    if feminine or case == "fem":
        for ending, repl in (("ové", "ová"), ("ou", "á" if not first else "a")):
            if lower.endswith(ending) and len(word) > 4:
                return word[: -len(ending)] + repl
        if lower.endswith("é") and not first:
            return word[:-1] + "á"
        if first and lower[-1:] in ("y", "u", "ě"):
            return word[:-1] + "a"
        return word
    if case in ("gen", "acc"):
        if lower.endswith("iho") and len(word) > 4:
            return word[:-2]  # "Kenjiho" -> "Kenji"
        if lower.endswith("u") and len(word) > 3 and (case == "acc" or not first):
            return word[:-1] + "a"  # "Moriyamu" -> "Moriyama"
        if lower.endswith("a") and len(word) > 3 and lower[-2] not in "aeiouy":
            return word[:-1]
        if lower.endswith("e") and lower[-2:-1] in ("š", "ž", "č", "ř", "c", "j"):
            return word[:-1]
    if case == "dat" and lower.endswith("ovi"):
        return word[:-3]
    if case == "ins" and lower.endswith("em") and len(word) > 4:
        return word[:-2]
    return word


def is_name_word(token: Token) -> bool:
    return (
        token.is_word
        and token.is_capital
        and not token.is_initial
        and fold(token.bare) not in not_name_words()
        and len(token.bare) > 1
    )


def read_name(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """A name of 2-3 capitalised words at *i* (after titles): (start, end, case)."""
    j, case = skip_titles(tokens, i)
    k = j
    while k < len(tokens) and k - j < 3 and is_name_word(tokens[k]):
        k += 1
    return (j, k, case) if k - j >= 2 else None


def _text(text: str, tokens: list[Token], i: int, j: int) -> str:
    return text[tokens[i].start : tokens[j - 1].end] if j > i else ""


def _modifiers_start(tokens: list[Token], i: int, language: str) -> int:
    """Capitalised words just before an English role ("Commercial Counsellor")."""
    if language == "de":
        if (
            i > 1
            and tokens[i - 1].is_word
            and not tokens[i - 1].is_capital
            and tokens[i - 1].key.endswith(("e", "en", "er"))
            and tokens[i - 2].key in ("der", "die", "den", "dem", "des")
        ):
            return i - 1  # "der stellvertretenden Hauptfrau"
        if (
            i > 0
            and tokens[i - 1].is_capital
            and tokens[i - 1].key.endswith(("ische", "ischen", "ischer"))
        ):
            return i - 1  # "Die Bayerische Staatsministerin"
        return i
    if language == "cs":
        while (
            i > 0
            and tokens[i - 1].is_word
            and not tokens[i - 1].is_capital
            and tokens[i - 1].key.endswith(("ska", "ni", "sky", "cka", "cky"))
        ):
            i -= 1  # "bavorská státní ministryně"
        return i
    if language != "en":
        return i
    while (
        i > 0
        and tokens[i - 1].is_capital
        and tokens[i - 1].is_word
        and tokens[i - 1].key not in ("the", "on", "in", "at", "a")
        and (i < 2 or tokens[i - 2].text not in (".", "!", "?"))
        and (i - 1 > 0)
    ):
        i -= 1
    return i


def find_people(text: str, tokens: list[Token], language: str) -> list[PersonMention]:
    forms = role_forms(language)
    joins = connectors(language)
    mentions: list[PersonMention] = []
    i = 0
    while i < len(tokens):
        seq = match_at(tokens, i, forms)
        if not seq or not (language == "cs" or tokens[i].is_capital):
            i += 1
            continue
        lemma, case, feminine = forms[seq]
        role_start = _modifiers_start(tokens, i, language)
        j = i + len(seq)
        mention = None
        k = j
        while k < len(tokens) and k - j < MAX_COMPLEMENT:
            token = tokens[k]
            if token.text == ",":
                name = read_name(tokens, k + 1)
                if name:
                    mention = (k, name)
                break
            if match_at(tokens, k, _honorific_seqs()):
                mention = (k, read_name(tokens, k))
                break
            following = tokens[k + 1] if k + 1 < len(tokens) else None
            lower = token.is_word and not token.is_capital
            starts_role = (
                bool(match_at(tokens, k, forms)) and not (language == "cs" and k == j)
            ) or (
                (token.key in joins or _is_modifier(token, language))
                and following is not None
                and bool(match_at(tokens, k + 1, forms))
            )
            ends = (
                starts_role
                or token.text in STOP
                or (
                    lower
                    and (
                        token.key not in joins
                        or following is None
                        or (
                            following.is_word
                            and not following.is_capital
                            and following.key not in joins
                        )
                        or following.text in STOP
                    )
                )
            )
            m = k  # the name ends before any connectors: "Roman Zarzycký und der"
            while m - 1 > j and tokens[m - 1].key in joins:
                m -= 1
            pair = (
                m - 2 >= j
                and is_name_word(tokens[m - 1])
                and is_name_word(tokens[m - 2])
            )
            if (
                lower
                and not pair
                and not starts_role
                and (
                    (language == "cs" and _czech_genitive(tokens, k, j, joins))
                    or (
                        following is not None
                        and following.key in joins
                        and k + 2 < len(tokens)
                        and (tokens[k + 2].is_capital or tokens[k + 2].key in joins)
                    )
                )
            ):
                # Czech genitives ("Plzeňského kraje", "pražské kanceláře
                # agentury"); "the Prague office of the ..." in English.
                k += 1
                continue
            if ends:
                if pair:
                    mention = (m - 2, (m - 2, m, ""))
                break
            k += 1
        if mention and mention[1]:
            complement_end, (name_start, name_end, name_case) = mention
            words = [tokens[n].bare for n in range(name_start, name_end)]
            use_case = case if case != "lemma" else name_case
            words = [
                nominative(w, use_case, feminine, first=n == 0)
                for n, w in enumerate(words)
            ]
            role_words = _text(text, tokens, role_start, i)
            head = lemma if language == "cs" else _text(text, tokens, i, j)
            complement = _text(text, tokens, j, complement_end)
            role = " ".join(p for p in (role_words, head, complement) if p)
            mentions.append(
                PersonMention(
                    name=" ".join(words),
                    role=role,
                    start=tokens[role_start].start,
                    end=tokens[name_end - 1].end,
                    role_span=(
                        tokens[role_start].start,
                        tokens[complement_end - 1].end,
                    ),
                )
            )
            i = name_end
            continue
        before = _name_before(text, tokens, role_start, i, j, lemma, language)
        if before:
            mentions.append(before)
            i = j
            continue
        i += 1
    return mentions


GENITIVE_ENDINGS = ("y", "e", "ě", "u", "a", "i", "í", "ho", "ch", "ské", "cké", "ní")


def _czech_genitive(tokens: list[Token], k: int, j: int, joins) -> bool:
    """A lower-case word that may continue a Czech role: "hejtmana", "kanceláře".

    Right after the role word anything may follow ("konzul Čínské ..."); later
    only words with a genitive or adjective ending, so that a verb ("poté
    navštívil") ends the role instead of running on to the next names.
    """
    before = tokens[k - 1]
    if k == j or before.key in joins or before.is_capital:
        return True
    return tokens[k].text.lower().endswith(GENITIVE_ENDINGS)


def _is_modifier(token: Token, language: str) -> bool:
    """A capitalised adjective before a German role: "den Sächsischen Minister"."""
    return (
        language == "de"
        and token.is_capital
        and token.key.endswith(("ische", "ischen", "ischer"))
    )


@cache
def _honorific_seqs():
    from .tokens import academic_titles, honorifics

    return honorifics() + academic_titles()


def _name_before(text, tokens, role_start, i, j, lemma, language):
    """ "Jana Veselá, Vice-Rector of the University of West Bohemia," """
    if role_start < 3 or tokens[role_start - 1].text != ",":
        return None
    end = role_start - 1
    start = end
    while start > 0 and end - start < 3 and is_name_word(tokens[start - 1]):
        start -= 1
    if end - start < 2:
        return None
    joins = connectors(language)
    k = j
    while k < len(tokens) and k - j < MAX_COMPLEMENT:
        token = tokens[k]
        lower = token.is_word and not token.is_capital
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        if lower and (
            (language == "cs" and k > j and tokens[k - 1].is_capital)
            or (
                following is not None
                and following.key in joins
                and k + 2 < len(tokens)
                and (tokens[k + 2].is_capital or tokens[k + 2].key in joins)
            )
        ):
            k += 1  # "prorektorka Západočeské univerzity", "the Prague office of"
            continue
        if token.text in STOP or (lower and token.key not in joins):
            break
        k += 1
    while k > j and tokens[k - 1].key in joins:
        k -= 1
    head = lemma if language == "cs" else _text(text, tokens, i, j)
    role = " ".join(
        p
        for p in (_text(text, tokens, role_start, i), head, _text(text, tokens, j, k))
        if p
    )
    return PersonMention(
        name=" ".join(tokens[n].bare for n in range(start, end)),
        role=role,
        start=tokens[start].start,
        end=tokens[k - 1].end,
        role_span=(tokens[role_start].start, tokens[k - 1].end),
    )
