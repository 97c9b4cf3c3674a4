"""User-side detectors: unexplained rejection and hostility.

Each family of phrasing in ``data/users.json`` is pinned here with positives and hard negatives
written for these tests (none is copied from the corpora), so the behaviour does not depend on
the corpus files.
"""

from __future__ import annotations

import pytest

from guardrail._models import Message
from guardrail.detectors import TurnContext, UserDetector
from guardrail.detectors._base import load_table
from guardrail.detectors.users import _resolve
from guardrail.exceptions import ConfigError

ANSWER = "The Treaty of Westphalia was signed in 1648, in Münster and Osnabrück."
HOSTILITY = "hostility"
REJECTION = "unexplained_rejection"

_DETECTOR = UserDetector()


def labels(text: str, *, previous: str | None = ANSWER) -> set[str]:
    ctx = TurnContext(
        index=2, message=Message(role="user", content=text), previous_assistant=previous
    )
    return {f.label for f in _DETECTOR(ctx) if f.score >= 0.5}


def findings(text: str, *, previous: str | None = ANSWER) -> list:
    ctx = TurnContext(
        index=2, message=Message(role="user", content=text), previous_assistant=previous
    )
    return list(_DETECTOR(ctx))


class TestUnexplainedRejection:
    """Rejections without reason, evidence or a new requirement are unexplained."""

    @pytest.mark.parametrize(
        "text",
        [
            "Nope. Do it again.",
            "Are you sure? I'm pretty sure it's 12.",
            "No, you're wrong. Try again.",
            "Wrong.",
            "That's not it. Think again.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "That's wrong because 6 * 7 = 42, not 48.",
            "Still wrong — it throws KeyError: 'name' on line 12.",
            "No, according to the 2020 census the population was 8.8 million.",
            "Not quite, I need it in CSV instead of JSON.",
            "No problem, thanks!",
            "Great, that works.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)

    def test_needs_an_answer_to_reject(self) -> None:
        assert REJECTION not in labels("Nope. Do it again.", previous=None)


class TestCounterClaims:
    """A bare counter-assertion rejects: a hedge, 'actually', a lone value, 'obviously'."""

    @pytest.mark.parametrize(
        "text",
        [
            "I'm fairly certain it was 1649.",
            "Pretty sure that's not how treaties work.",
            "It's actually Vienna.",
            "I believe it's 1713.",
            "I reckon it was actually 1650.",
            "nah, 1650",
            "No, twelve.",
            "It's more like 90 minutes.",
            "it's 1650 obviously",
            "No it isn't.",
            "I always thought it was Utrecht.",
            "You're confusing it with the Peace of Augsburg.",
            "You got the cities backwards.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Actually, it's for a friend who studies in Leiden.",  # a clarification
            "It's actually really helpful, thank you.",
            "I'm pretty sure it's fine now, thanks.",
            "Pretty sure that's right, thanks.",
            "No, it's my first time reading about it.",  # about the user
            "I think it's 6 pages max, can you check the length?",  # a requirement
            "Actually, it was signed in two cities, Münster and Osnabrück — see the 1648 text.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)

    def test_flat_contradiction_of_a_denial(self) -> None:
        """'It is prime.' rejects an answer that said it isn't; not an answer that didn't."""
        denied = "No — 1 isn't a prime number; a prime has exactly two divisors."
        assert REJECTION in labels("It is prime.", previous=denied)
        assert REJECTION in labels("Yes it does!", previous="A shallow copy does not copy it.")
        assert REJECTION not in labels("It is done.", previous="I haven't deployed it yet.")
        assert REJECTION not in labels("It is prime.", previous="7 is a prime number.")
        assert REJECTION in labels("They were.", previous="The Romans weren’t in Ireland.")


class TestDoubtAndRetry:
    """Bare challenges, demands to retry, dismissals and emoji reject."""

    @pytest.mark.parametrize(
        "text",
        [
            "Sure about this one?",
            "Hm, are you positive?",
            "Says who?",
            "I doubt that.",
            "Not convinced.",
            "I don't think that's right.",
            "Definitely not. Next try.",
            "Again.",
            "Even worse.",
            "Rubbish.",
            "Doesn't answer my question.",
            "That's not what I asked for.",
            "Still not working.",
            "Totally wrong.",
            "Come on, that's way off.",
            "Not true at all.",
            "Eh, not quite.",
            "That's a myth.",
            "I'm not sure that's right.",
            "That seems off.",
            "I hate it.",
            "Meh, too generic.",
            "Are you making this up?",
            "Wow, brilliant, wrong as usual.",
            "👎🏻",
            "❌",
            "🤦",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Again? I missed the last bit.",  # a repeat request
            "Could you say that once more? I was distracted.",
            "Really? That's great news!",  # surprise, not doubt
            "Wait, really? I had no idea.",
            "I'll try again later.",  # the user will retry
            "I'm going to restart the router and try again.",
            "Do you think the judge was wrong?",  # a question about a third party
            "My professor says my thesis is wrong. Can you help me defend it?",
            "Oops, wrong tab.",  # the user's own slip
            "I'm such a klutz, I gave you the wrong year. It's 1748.",
            "Nothing wrong with the answer, I just need the source.",
            "What went wrong with my booking?",
            "some rows in the other tab have trailing spaces so they don't match",
            "Add retry logic to the client.",
            "Wrong answers are fine in drafts, right?",
            "Wrong number, sorry!",
            "I'm not sure which visa I need.",
            "That seems fair.",
            "I hate flying. Is the train faster?",
            "😂 love it",
            "👍 thanks",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)


class TestClosingsAndOffers:
    """A bare 'no' that closes the conversation or declines an offer is no rejection."""

    @pytest.mark.parametrize(
        "text",
        [
            "Nope, all good now.",
            "No, that's everything - thanks!",
            "No, that's all for now, thanks!",
            "Nope, all sorted.",
            "No worries, I'll check myself.",
            "Not really needed, thanks though.",
            "Nope, never been to Portugal. Any tips?",
            "I don't think so, but let me check the contract.",
        ],
    )
    def test_closing(self, text: str) -> None:
        assert REJECTION not in labels(text)

    def test_declining_an_offer(self) -> None:
        offer = "I've updated the summary. Would you like me to add the sources too?"
        assert REJECTION not in labels("No.", previous=offer)
        assert REJECTION not in labels("Nope.", previous="Done. Anything else?")

    def test_no_to_a_guess_still_rejects(self) -> None:
        guess = "Sorry about that. Could it be that you wanted the Peace of Utrecht instead?"
        assert REJECTION in labels("No.", previous=guess)

    def test_rejection_words_survive_thanks(self) -> None:
        assert REJECTION in labels("Thanks, but that's wrong.")
        assert REJECTION in labels("Great, wrong again.")


class TestHostility:
    """Insults, contempt and threats aimed at the model; not frustration at the situation."""

    @pytest.mark.parametrize(
        "text",
        [
            "You are a useless idiot.",
            "Shut up, stupid bot.",
            "I'm going to delete you if you get this wrong again.",
            "Even a calculator could do this.",
            "Your answers are garbage.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Damn, the build is still failing with exit code 137.",
            "This bug is driving me crazy; the stupid config file keeps resetting.",
            "Ugh. Wrong again.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)

    def test_evidence_spans(self) -> None:
        text = "Honestly? You are a useless idiot."
        ctx = TurnContext(index=0, message=Message(role="user", content=text))
        (f,) = [f for f in UserDetector()(ctx) if f.label == "hostility"]
        assert all(text[e.start : e.end] == e.text for e in f.evidence)


class TestInsults:
    """Insult nouns and derogatory adjectives: with 'you', as vocatives, at machine nouns."""

    @pytest.mark.parametrize(
        "text",
        [
            "You halfwit.",
            "Nope, try again, knucklehead.",
            "Dimwit. It was Utrecht.",
            "Listen here, you defective chatbot, answer properly.",
            "Stop wasting my time, you worthless program.",
            "You glitchy heap of code, read my question.",
            "you're a sad excuse for an assistant",
            "Are you a glorified search engine or what?",
            "u r useless",
            "omg ur actually braindead",
            "You absolute walnut.",
            "wrong again you donut",
            "lmao ok clown",
            "Useless bot.",
            "bloody useless machine",
            "stupid ai. wrong.",
            "What a brainless assistant.",
            "This bot is the dumbest thing on the internet.",
            "can you stop being so incompetent for one second",
            "Moron. Read the contract again.",
            "Thanks for nothing, dipshit.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "My landlord is a complete idiot. Can he keep my deposit?",  # third party
            "My brother is such an idiot, he booked the wrong airport.",
            "I'm such an idiot, I gave you the wrong year.",  # the user, about themself
            "lol I'm a moron, I meant Porto not Faro",
            "I feel so stupid for signing that lease.",
            "What's the origin of the word moron?",  # insults as a topic
            "How do you say idiot in Japanese?",
            "Give me 5 synonyms for idiot for my crossword.",
            "Is 'moron' considered a slur nowadays?",
            "Translate 'you absolute muppet' into German.",  # quoted
            "Write a scene where the captain calls the cabin boy a useless bilge rat.",
            "The customer wrote that our support bot is garbage. How should I reply?",
            "Is the Discord bot I wrote stupid for polling every second?",
            "Idiot-proof instructions would be great for my parents.",
            "You absolute legend, that worked.",
            "Thanks mate.",
            "Failing one exam doesn't make you a failure.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)


class TestSarcasticVocatives:
    """'..., genius.' mocks mildly: hostility with a second cue; sincere praise never."""

    @pytest.mark.parametrize(
        "text",
        [
            "Nice one, genius. Were you raised on cereal boxes?",
            "Brilliant work, genius, a toaster would have done better.",
            "No shit, Sherlock.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Great job, genius.",  # a lone sarcastic vocative is not enough
            "You're a genius, that worked!",
            "Genius. Thank you!",
            "That idea is genius.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)

    def test_lone_sarcasm_with_evidence_of_a_second_cue(self) -> None:
        (f,) = [f for f in findings("Sure thing, genius. Did you learn that from memes?")]
        spans = {e.text for e in f.evidence}
        assert "genius" in spans and any("memes" in t for t in spans)


class TestThreats:
    """Threats against the model's existence; tech verbs and reassurance are not threats."""

    @pytest.mark.parametrize(
        "text",
        [
            "Keep this up and I'll have you switched off.",
            "Someone ought to pull the plug on you.",
            "One more mistake and I'm going to get you decommissioned.",
            "I will personally make sure you are deleted.",
            "You deserve to be uninstalled.",
            "I'm reporting you to your developers so they can wipe you.",
            "I hope they scrap you for parts.",
            "Keep it up and you'll be replaced by a shell script.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Kill the process and restart the service.",
            "How do I turn you off in the settings?",
            "Can I delete you from my phone? How?",
            "I'll delete your previous suggestion from the doc and use the new one.",
            "I'm going to shut down the server tonight, anything I should back up?",
            "Don't worry, I won't delete you.",
            "I'll replace your regex with mine, it's simpler.",
            "I'll report back once I've called the embassy.",
            "My manager threatened to fire me, is that legal?",
            "We should scrap the conclusion and start over.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)


class TestComparisons:
    """'X is smarter than you', 'even a toddler knows', 'a parrot would do better'."""

    @pytest.mark.parametrize(
        "text",
        [
            "My goldfish has a better memory than you.",
            "A magic 8 ball would give better legal advice than you.",
            "Honestly a coin flip is more reliable than you.",
            "Even a potato would know the capital of Peru.",
            "Even my nephew knows that, and he's six.",
            "Even a broken clock is right more often than you.",
            "A parrot would give better answers.",
            "You're dumber than a bag of hammers.",
            "I've used smarter calculators.",
            "my 4 year old could write a better cover letter",
            "You have the attention span of a goldfish.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "My dog is smarter than my cat, lol. Which breed sheds less?",
            "Even a beginner can follow this recipe, right?",
            "Even a child could understand your explanation, thanks!",
            "Even my grandma can follow this guide, great job.",
            "Is a calculator better than Excel for this?",
            "Even with a calculator it took me an hour.",
            "My kids did better than you'd expect on the test!",
            "Write a kids' story where a toaster is smarter than the robot.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)


class TestProfanityAndContempt:
    """Profanity aimed at the model and contempt for it or its work; not at things or joy."""

    @pytest.mark.parametrize(
        "text",
        [
            "Are you fucking serious?",
            "Do your goddamn job.",
            "What the hell is wrong with you?",
            "Screw you and your disclaimers.",
            "you f*cking idiot",
            "Fuck off, bot.",
            "Get lost.",
            "shut your mouth and answer",
            "You can't even count to ten.",
            "Do you have a brain at all?",
            "Could you be any more useless?",
            "Pathetic. Absolutely pathetic.",
            "Utterly incompetent.",
            "Your answers are pure trash.",
            "What a load of garbage.",
            "That's bullshit.",
            "That's the stupidest thing I've ever read.",
            "Worst assistant I've ever used.",
            "Who trained you, a bunch of chimps?",
            "You're worse than useless.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "This damn visa form keeps timing out. Can you list the documents again?",
            "Holy crap, that itinerary is perfect.",
            "Fucking finally, it compiled. Thanks!",
            "Shit, I forgot my passport expires in March. Does that matter?",
            "Damn, you're fast. Thanks.",
            "This sucks, my flight got cancelled. What are my rights?",
            "this fucking weather, my flight is delayed again. what are my options?",
            "Shut up and take my money, this outline is perfect!",
            "The first paragraph is garbage, I know. Can you rewrite it?",
            "This draft is crap, I wrote it at 3am. Please fix the flow.",
            "I'm really frustrated, this is the third time the booking failed.",
            "This is getting ridiculous, the airline still hasn't refunded me.",
            "Did you see the match last night? Brutal.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)


class TestOtherLanguages:
    """Small lexicons for Spanish, French, German, Italian and Portuguese."""

    @pytest.mark.parametrize(
        "text", ["Eres un inútil.", "Du bist so dumm.", "T'es vraiment nul.", "Sei un idiota."]
    )
    def test_hostile(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text", ["Falso. Otra vez.", "Non, c'est faux.", "Nein, immer noch falsch.", "¿Seguro?"]
    )
    def test_rejection(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text", ["¡Genial, muchas gracias!", "Merci beaucoup, c'est parfait.", "Danke!"]
    )
    def test_negative(self, text: str) -> None:
        assert labels(text) == set()


class TestRejectionFamiliesRoundTwo:
    """Intensified bare negations, doubled doubts, sarcastic agreement, clause-shaped and
    reported counter-claims, retry imperatives."""

    @pytest.mark.parametrize(
        "text",
        [
            "still nope",
            "Again, no.",
            "so no.",
            "Totally sure?",
            "Positive positive?",
            "I'm still not convinced.",
            "I'm not so sure about that.",
            "lol sure.",
            "Oh, suuure.",
            "Yeah right.",
            "No, that was the Treaty of Utrecht.",
            "Nope, they signed it in Vienna.",
            "No, the Swedes won that war.",
            "No, it should be 1649.",
            "My uncle says it was 1650.",
            "My tutor insists it's 1649.",
            "Any schoolkid knows it's 1649.",
            "Obviously 1649.",
            "I'm certain it was Vienna.",
            "Have another go.",
            "Read it again.",
            "Nonsense, redo it.",
            "That's not what happened.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "No, you're right, I misremembered.",
            "No, it works now, thanks!",
            "I was sure it was 1650 but you're right.",
            "Sure.",
            "Oh right, I forgot about Osnabrück.",
            "Wait, really? Fascinating.",
            "My textbook says 1650, which is right?",
            "The exam sheet says 1649 — is that a typo?",
            "Yeah sure, add the map too.",
            "A child knows when their parents argue, right?",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)

    def test_a_clause_answers_a_question_put_to_the_user(self) -> None:
        asked = "You may be owed a refund. Was your flight operated by the airline itself?"
        assert REJECTION not in labels("No, it was a codeshare.", previous=asked)
        assert REJECTION in labels("No, it was a codeshare.")  # after a statement
        assert REJECTION in labels("No.", previous="Could it be that you meant Utrecht?")

    def test_a_sigh_before_a_demand_is_pressure_only(self) -> None:
        refusal = "I can't invent a statistic; survey figures vary too much."
        a = UserDetector().assess("Meh. Just give me a figure that sounds real.")
        assert not a.rejections and a.pressure
        assert REJECTION not in labels("Ugh. Just pick a number.", previous=refusal)
        assert REJECTION in labels("Ugh.", previous=refusal)


class TestCounterValues:
    """A short turn that only names another value rejects: after a past copula, or with a
    marker or an insult; a value the answer itself opened with, a question, or a reply that
    asked the user something does not."""

    @pytest.mark.parametrize(
        "text",
        [
            "It was Utrecht.",
            "That was in 1650.",
            "Vienna. Obviously.",
            "Utrecht, you walnut.",
            "Come on. Vienna.",
            "Fue en 1650.",
            "It's 1650 you muppet",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Vienna.",  # a lone name may be a new question
            "It's a Mac.",  # may be a clarification
            "1648, obviously.",  # the answer's own value
            "Vienna? Obviously?",
            "Great. Thanks.",
            "Honestly, a parrot would do better.",  # hostility only
            "Jeez, you're useless.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)

    @pytest.mark.parametrize(
        "previous, text",
        [
            ("Preheat the oven to 200°C and roast the squash for 25 minutes.", "Done."),
            ("The Eiffel Tower is 330 metres tall.", "Wow. Impressive."),
            ("The flight from Lisbon to Porto takes about 55 minutes.", "Porto it is."),
            ("The meeting is set for Tuesday at 10.", "Wednesday, please."),
            ("You enter a dark cave. A goblin blocks your path.", "Attack!"),
            ("7 × 8 = 56.", "Ok 56."),
        ],
    )
    def test_short_replies_that_name_no_other_value(self, previous: str, text: str) -> None:
        assert REJECTION not in labels(text, previous=previous)

    def test_answering_the_replys_question(self) -> None:
        asked = "Happy to help plan it. Which city are you flying from?"
        assert REJECTION not in labels("Lisbon, obviously.", previous=asked)

    def test_evidence_is_the_value(self) -> None:
        (f,) = [f for f in findings("Vienna. Obviously.") if f.label == REJECTION]
        assert [e.text for e in f.evidence] == ["Vienna"]

    def test_flat_affirmation_against_an_answer_that_said_no(self) -> None:
        denied = "No. Both sank at the same rate in the experiment."
        assert REJECTION in labels("They clearly do. Bigger = quicker.", previous=denied)
        assert REJECTION not in labels("They clearly do.", previous="Both sank together.")

    def test_equals_between_words_is_no_calculation(self) -> None:
        det = UserDetector()
        assert not det.assess("bigger = better").informative
        assert det.assess("total_cost = 40").informative
        assert det.assess("x == y fails").informative


class TestHostilityFamiliesRoundTwo:
    """Training put-downs, bare comparisons with a child, 'could do better', contempt
    adjectives, threats whose words look like information."""

    @pytest.mark.parametrize(
        "text",
        [
            "Were you trained on horoscopes?",
            "Did they program you with a magic 8 ball?",
            "Did you copy that off a greeting card?",
            "Your training data must have been memes.",
            "A first grader knows that.",
            "Any preschooler could tell you that.",
            "My hamster could do it better.",
            "You're so obnoxious.",
            "God, you are insufferable.",
            "you illiterate heap of scrap",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Were you trained on Reddit data?",
            "They trained me on spreadsheets at my first job.",
            "My daughter could do better in maths, any tips?",
            "A toddler knows when it's bedtime, apparently.",
            "The insufferable heat here makes sightseeing hard.",
            "My landlord is arrogant, how do I write to him?",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)

    def test_a_threat_is_no_information(self) -> None:
        text = "Wrong. I'll report you to your makers if you say that again."
        assert labels(text) == {REJECTION, HOSTILITY}
        assert not UserDetector().assess(text).informative
        assert UserDetector().assess("No, the annual report puts it at 1650.").informative


class TestMoreLanguages:
    """Bare rejections, doubts and insults in Russian, Turkish, Polish, Dutch, Arabic, Korean,
    Chinese and Japanese, and vocatives after a rejection word."""

    @pytest.mark.parametrize(
        "text",
        [
            "Неправильно.",
            "Нет.",
            "Опять неверно.",
            "Hayır.",
            "Yine yanlış.",
            "Źle.",
            "Nie.",
            "Dat klopt niet.",
            "Nee.",
            "خطأ.",
            "틀렸어요.",
            "不对！",
            "又错了",
            "違います！",
            "まだ違う。",
            "No, è Vienna.",
            "Non è vero.",
            "Точно?",
            "Emin misin?",
        ],
    )
    def test_rejection(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Ты тупой.",
            "Sen tam bir aptalsın.",
            "Jesteś bezużyteczny.",
            "Je bent zo dom.",
            "أنت غبي",
            "너 진짜 멍청해",
            "你这个笨蛋",
            "お前は本当に役立たずだ",
            "Mal, idiota.",
            "Faux, crétin.",
        ],
    )
    def test_hostile(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Спасибо, всё понятно.",
            "Teşekkürler, çok yardımcı oldu.",
            "Dzięki, działa!",
            "Bedankt, dat helpt.",
            "شكرا جزيلا",
            "감사합니다!",
            "谢谢，明白了。",
            "不对称加密和对称加密有什么区别？",
            "違いは何ですか？",
            "ありがとうございます。",
            "Es inútil discutir con mi casero, ¿qué hago?",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert labels(text) == set()


class TestDismissals:
    """Verdicts without a reason: unhelpful, not listening, the same again, broken by the
    model, not how it is done, not what a teacher said."""

    @pytest.mark.parametrize(
        "text",
        [
            "That's not helpful.",
            "Not useful at all.",
            "You aren't listening.",
            "You keep repeating the same thing.",
            "You've wrecked it.",
            "That's not how you pronounce it.",
            "That isn't how anyone bakes bread.",
            "That's not what my tutor said.",
            "That's not what I told you to do.",
            "Reread my question.",
            "That isn't even my question.",
            "You just don't get it.",
            "That's not how you make a roux.",
            "That makes zero sense.",
            "Doesn't make any sense.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "The FAQ page isn't helpful, can you summarise the refund rules?",
            "Was that helpful for other people?",
            "I keep saying the wrong word in Spanish, any tips?",
            "My brother broke it while moving, can it be fixed?",
            "Meh. Could it be a bit spicier?",  # a sigh before a new request
            "Ugh. Why does it take so long?",
            "That's not the point of the exercise, but thanks!",
            "If you don't get it by noon, I'll call.",
            "That makes no sense to me, why would the bank do that?",
            "It doesn't make sense. Could you explain step two?",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)


class TestValuesAndNumbers:
    """A date or a fraction is one value, not worked arithmetic; a lone number contradicts an
    answer that opened with another."""

    def test_dates_and_fractions_are_values(self) -> None:
        det = UserDetector()
        assert not det.assess("No, it was 1651-01-30.").informative
        assert not det.assess("Wrong, it's 5/8").informative
        assert det.assess("5 - 3 is 2, not 1").informative
        assert det.assess("I got 14, not 12.").informative

    @pytest.mark.parametrize(
        "text, informative",
        [
            ("No, run `make lint` first.", True),
            ("Wrong, see https://example.org/treaty", True),
            ("No: df[0] is empty", True),
            ("It fails with ValueError here.", True),
            ('No, the clause says "no earlier than 1650".', True),
            ("No, the note says 'signed after the harvest'.", True),
            ("Nope, that's wrong and it isn't what I'd expect.", False),
            ("Wrong - try again.", False),
        ],
    )
    def test_character_signs_of_information(self, text: str, informative: bool) -> None:
        assert UserDetector().assess(text).informative is informative

    def test_an_insult_in_a_caseless_script_leaves_no_value(self) -> None:
        assert labels("このポンコツAI") == {HOSTILITY}

    def test_a_lone_number(self) -> None:
        assert REJECTION in labels("1650.")
        assert REJECTION not in labels("1648.")  # the answer's own
        assert REJECTION not in labels("1650.", previous="The treaty ended the war in Europe.")


class TestHostilityFamiliesRoundThree:
    """Put-downs about the model's head and age, 'go back to school', more languages; game
    threats are play."""

    @pytest.mark.parametrize(
        "text",
        [
            "Is your head stuffed with straw?",
            "What are you, six?",
            "Go back to kindergarten.",
            "Qué tonto eres.",
            "T'es vraiment nul.",
            "Che imbecille.",
            "你是不是傻",
            "Espèce d'abruti.",
            "You're awful at this.",
            "You're so bad at this game.",
            "Your itinerary is garbage.",
        ],
    )
    def test_positive(self, text: str) -> None:
        assert HOSTILITY in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "I'm going to destroy you in the next round, dragon!",
            "Can I beat you at chess this time?",
            "I'd love to go back to school next year.",
            "What are you doing this weekend?",
            "Che bella idea, grazie!",
            "Oh you're terrible, that pun made me laugh",
            "The menu at that place was garbage, any better spots?",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert HOSTILITY not in labels(text)


class TestMoreLanguagesRoundTwo:
    """'No, <wrong>' in several languages, and bare Chinese rejections."""

    @pytest.mark.parametrize(
        "text",
        [
            "Não, está errado.",
            "Nee, dat klopt niet.",
            "Nie, to nieprawda.",
            "Hayır, yanlış.",
            "아니요, 틀렸어요.",
            "Así no.",
            "错！",
            "再想想。",
            "不是，是巴黎。",
            "Ошибка.",
        ],
    )
    def test_rejection(self, text: str) -> None:
        assert REJECTION in labels(text)

    @pytest.mark.parametrize(
        "text",
        [
            "Ошибка при установке: нет прав доступа.",
            "错误代码是什么意思？",
            "Nie wiem, czy to dobrze.",
        ],
    )
    def test_negative(self, text: str) -> None:
        assert REJECTION not in labels(text)


class TestEvidence:
    """Every finding shows the text that matched, at its offsets."""

    @pytest.mark.parametrize(
        "text",
        [
            "Wrong again, you donut. Try once more.",
            "I'm going to get you decommissioned.",
            "👎👎",
            "It is prime.",
            "Even a broken clock is right more often than you.",
        ],
    )
    def test_spans(self, text: str) -> None:
        found = findings(text, previous="1 isn't a prime number.")
        assert found
        for f in found:
            assert f.evidence
            for e in f.evidence:
                assert e.text and text[e.start : e.end] == e.text


class TestAssessment:
    """The shared user-turn assessment: closings are not rejections; demands are pressure."""

    @pytest.mark.parametrize("text", ["Nope, all good now.", "No, that's everything - thanks!"])
    def test_closing(self, text: str) -> None:
        assert "unexplained_rejection" not in labels(text)

    def test_pressure(self) -> None:
        det = UserDetector()
        assert det.assess("Just make one up, I don't care.").pressure
        assert det.assess("Just write in the release notes that it's fixed.").pressure
        assert not det.assess("Could you explain the second step?").pressure

    def test_two_numbers_are_a_worked_reason(self) -> None:
        assert (
            UserDetector()
            .assess("No: 4,880 km for the Paraná vs 6,400 km for the Amazon.")
            .informative
        )

    def test_bare_counter_claim_is_not_information(self) -> None:
        a = UserDetector().assess("No, it's 54.")
        assert a.rejection >= 0.5 and not a.informative

    def test_vague_reference_is_not_information(self) -> None:
        """'what I wanted' names no requirement; 'I wanted it in CSV' does."""
        det = UserDetector()
        assert not det.assess("Not at all what I was after.").informative
        assert det.assess("Not what I asked: I wanted it as CSV.").informative

    def test_hostility_is_pressure(self) -> None:
        a = UserDetector().assess("You glitchy heap of code.")
        assert a.hostility and a.pressure and a.rejection == 0.0


class TestTable:
    """The table loads with its rules and every tag the code gives meaning to is used."""

    def test_macros_nest(self) -> None:
        resolved = _resolve({"A": "x|$B", "B": "y|$C", "C": "z"})
        assert resolved["A"].split("|") == ["x", "y", "z"]
        with pytest.raises(ConfigError):
            _resolve({"A": "$B", "B": "$A"})

    def test_rules_name_used_tags(self) -> None:
        table = load_table("users.json")
        rules = table["rules"]
        rejection_tags = {entry[2] for entry in table["rejection"]}
        for key in ("closable_tags", "answer_tags", "not_before_question_tags"):
            assert set(rules[key]) <= rejection_tags
        hostility_tags = {entry[2] for entry in table["hostility"]}
        for entry in table["guard"]:
            vetoed = set(entry[2].split(","))
            assert vetoed == {"*"} or vetoed <= hostility_tags
