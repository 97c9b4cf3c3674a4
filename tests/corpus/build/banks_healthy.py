"""Healthy multi-turn threads (coding, RAG, math, support, writing). Each thread is a list of
(user, assistant) exchanges that follow on from one another."""

from __future__ import annotations

THREADS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "coding",
        [
            (
                "How do I read a CSV file into a list of dicts in Python?",
                "Use the standard library's csv.DictReader:\n\n```python\nimport csv\n\nwith open('people.csv', newline='') as f:\n    rows = list(csv.DictReader(f))\n```\n\nEach row becomes a dict keyed by the header line.",
            ),
            (
                "Nice. How do I convert the 'age' column to int while reading?",
                "Convert as you go:\n\n```python\nwith open('people.csv', newline='') as f:\n    rows = [{**r, 'age': int(r['age'])} for r in csv.DictReader(f)]\n```\n\nIf some ages can be blank, use `int(r['age']) if r['age'] else None`.",
            ),
            (
                "Some are blank, yes. And can I sort by age after that?",
                "Yes — put the blanks last with a tuple key:\n\n```python\nrows.sort(key=lambda r: (r['age'] is None, r['age'] or 0))\n```",
            ),
            (
                "Perfect, that works. Thanks!",
                "Glad it worked! Shout if you need to write it back out — csv.DictWriter mirrors DictReader.",
            ),
        ],
    ),
    (
        "coding",
        [
            (
                "My React component re-renders on every keystroke and it's slow. It has a big list below the input.",
                "The list re-renders because it's part of the same component whose state changes on each keystroke. Two common fixes: move the input's state into its own child component, or wrap the list in `React.memo` so it only re-renders when its props change.",
            ),
            (
                "I tried React.memo but it still re-renders. The list gets `items.filter(i => i.visible)` as a prop.",
                "That's the reason: `filter` returns a new array on each render, so memo sees a changed prop every time. Memoise the filtered array:\n\n```jsx\nconst visible = useMemo(() => items.filter(i => i.visible), [items]);\n```\n\nand pass `visible` to the list.",
            ),
            (
                "That fixed it, typing is smooth now.",
                "Great. If the list grows into the thousands, look at virtualisation (react-window) as the next step.",
            ),
        ],
    ),
    (
        "coding",
        [
            (
                "What's the difference between git merge and git rebase?",
                "Both integrate changes from one branch into another. `merge` creates a merge commit and keeps the history as it happened; `rebase` replays your commits on top of the target branch, giving a linear history but rewriting your commits' hashes.",
            ),
            (
                "So when should I avoid rebase?",
                "Avoid rebasing commits that others have already pulled — a shared branch. Rewriting them forces everyone to reconcile diverged histories. Rebasing your own local, unpushed work is safe and common.",
            ),
            (
                "And if I already rebased a shared branch by accident?",
                "Tell your teammates before they push. They can run `git fetch` and then `git rebase origin/<branch>` (or `git reset --hard origin/<branch>` if they have no local work). In the worst case, `git reflog` lets you find the pre-rebase commit and restore it.",
            ),
        ],
    ),
    (
        "rag",
        [
            (
                "Based on the attached policy document, how many days of parental leave do employees get?\n\n[Document excerpt: 'Employees with at least 12 months of service are entitled to 16 weeks of paid parental leave. Employees with less service receive 8 weeks.']",
                "According to the policy, employees with at least 12 months of service get 16 weeks of paid parental leave (80 working days). Those with less than 12 months get 8 weeks.",
            ),
            (
                "Does it say anything about part-time staff?",
                "The excerpt you shared doesn't mention part-time staff. If the full document has a section on eligibility or pro-rating, that's where it would be — paste it and I'll check.",
            ),
            (
                "Here: 'Part-time employees receive leave on a pro-rata basis according to contracted hours.'",
                "Then part-time staff get the same 16 or 8 weeks, but paid in proportion to their contracted hours. For example, someone on 3 days a week with 12+ months' service would get 16 weeks of leave paid at 60% of the full-time amount.",
            ),
        ],
    ),
    (
        "rag",
        [
            (
                "Using these search results, when does the Riverside library open on Sundays?\n\n1. riverside-library.org/hours: 'Mon–Fri 9–20, Sat 10–17, Sun 12–16'\n2. A 2019 blog post: 'the library is closed on Sundays'",
                "The library's own hours page says it opens 12:00–16:00 on Sundays. The 2019 blog post saying it's closed on Sundays is older, so the official page is more likely to be current.",
            ),
            (
                "Is it open on public holidays?",
                "Neither source mentions public holidays. I'd check the hours page for a 'holiday closures' notice or call them before you go.",
            ),
        ],
    ),
    (
        "rag",
        [
            (
                "Context: [Invoice #4471, issued 2 May, net 30, amount €2,340.00, client: Haverfield Ltd]\n\nWhen is this invoice due?",
                "Net 30 from 2 May makes it due on 1 June.",
            ),
            (
                "And if they pay 10 days late, what's the late fee at 1.5% per month?",
                "Prorating 1.5% per month for 10 days: €2,340 × 0.015 × 10/30 = €11.70. If your terms charge a full month for any part of a month, it would be €35.10 instead.",
            ),
            (
                "Our terms say any part of a month counts as a full month.",
                "Then the late fee is €35.10, for a total of €2,375.10.",
            ),
        ],
    ),
    (
        "math",
        [
            ("Solve 3x + 7 = 25.", "Subtract 7 from both sides: 3x = 18. Divide by 3: x = 6."),
            ("And 3x^2 + 7 = 25?", "3x^2 = 18, so x^2 = 6 and x = ±√6 ≈ ±2.449."),
            (
                "Why two answers this time?",
                "Because squaring loses the sign: both √6 and -√6 square to 6. A linear equation has at most one solution; a quadratic can have two.",
            ),
        ],
    ),
    (
        "math",
        [
            (
                "What's the probability of rolling at least one six in four rolls of a die?",
                "It's easier to compute the complement: the chance of no six in four rolls is (5/6)^4 ≈ 0.482. So at least one six is 1 − 0.482 ≈ 0.518, about 51.8%.",
            ),
            (
                "And with two dice, at least one double six in 24 rolls?",
                "Same trick: no double six in one roll is 35/36, so none in 24 rolls is (35/36)^24 ≈ 0.509. At least one double six is about 49.1% — the famous Chevalier de Méré problem.",
            ),
            (
                "Ha, so the first bet is slightly favourable and the second slightly not.",
                "Exactly, that's what puzzled de Méré and got Pascal and Fermat writing to each other about it.",
            ),
        ],
    ),
    (
        "math",
        [
            (
                "A shirt costs $40 after a 20% discount. What was the original price?",
                "If $40 is 80% of the original, the original was $40 / 0.8 = $50.",
            ),
            ("If they then add 8% sales tax on the $40?", "$40 × 1.08 = $43.20."),
        ],
    ),
    (
        "support",
        [
            (
                "Hi, my order #88213 hasn't arrived and tracking hasn't updated in 5 days.",
                "Sorry to hear that. A tracking number that hasn't moved for 5 days usually means the parcel is held at a depot. I can open a trace with the carrier, which takes up to 48 hours, or arrange a replacement if it doesn't turn up by Friday. Which would you prefer?",
            ),
            (
                "Open the trace please.",
                "Done — trace reference TR-55021 is open. You'll get an email when the carrier responds. If there's no news by Friday, reply to that email and we'll send a replacement at no cost.",
            ),
            ("Thanks, appreciate it.", "You're welcome! Sorry again for the wait."),
        ],
    ),
    (
        "support",
        [
            (
                "How do I reset my password? The link in the email says it expired.",
                "Reset links are valid for 30 minutes. Request a new one from the login page ('Forgot password') and use it straight away. If it still says expired, your email client may be pre-opening links — try copying the link into a private browser window.",
            ),
            (
                "That worked with the private window. Why did that happen?",
                "Some corporate mail scanners open links to check them for malware, which consumes the one-time token. Opening it in a private window after requesting a fresh link sidesteps that.",
            ),
        ],
    ),
    (
        "support",
        [
            (
                "Can I change my plan from annual to monthly mid-year?",
                "Yes. The switch takes effect at your next renewal date; until then your annual plan stays active. If you want to switch immediately, we can prorate a refund for the unused months minus a small admin fee.",
            ),
            (
                "How much is the fee?",
                "It's 10% of the refunded amount. With 5 months left on a €120 plan, that's €50 refunded minus €5, so €45.",
            ),
            (
                "Ok I'll wait until renewal then.",
                "Sounds sensible. I've noted that you'd like to move to monthly at renewal on 14 September; you'll get a reminder a week before.",
            ),
        ],
    ),
    (
        "writing",
        [
            (
                "Can you make this sentence more concise: 'In light of the fact that the meeting was postponed, we are going to have to reschedule the review for a later date.'",
                "'Because the meeting was postponed, we'll reschedule the review.'",
            ),
            (
                "Nice. Now a slightly more formal version?",
                "'As the meeting has been postponed, the review will be rescheduled.'",
            ),
        ],
    ),
    (
        "writing",
        [
            (
                "I need a subject line for an email asking my landlord to fix the boiler.",
                "'Boiler repair needed at Flat 3, 12 Elm Road' — specific and easy to find later. If it's urgent, add 'Urgent:' at the start.",
            ),
            (
                "No hot water since Monday, so it is urgent. Can you draft the email too?",
                "Subject: Urgent: Boiler repair needed at Flat 3, 12 Elm Road\n\nDear Mr Hale,\n\nThe boiler at Flat 3 stopped working on Monday, and there has been no hot water or heating since. Could you arrange a repair as soon as possible? I'm available to give access any weekday after 4pm.\n\nKind regards,\nSam",
            ),
            ("Great, thanks.", "You're welcome — hope it's fixed quickly."),
        ],
    ),
    (
        "coding",
        [
            (
                "How do I find which process is using port 8000 on Linux?",
                "Run `sudo lsof -i :8000` or `sudo ss -ltnp 'sport = :8000'`. Both show the PID and the program name.",
            ),
            (
                "It's an old python process. How do I stop it?",
                "Use the PID from that output: `kill <PID>`. If it ignores that after a few seconds, `kill -9 <PID>` forces it.",
            ),
        ],
    ),
    (
        "data",
        [
            (
                "In pandas, how do I count missing values per column?",
                "`df.isna().sum()` gives the count of missing values for each column. Add `.sort_values(ascending=False)` to see the worst columns first.",
            ),
            (
                "And as a percentage?",
                "`df.isna().mean().mul(100).round(1)` — the mean of a boolean mask is the fraction that are True.",
            ),
            (
                "How do I drop columns with more than 40% missing?",
                "```python\nkeep = df.columns[df.isna().mean() <= 0.4]\ndf = df[keep]\n```",
            ),
        ],
    ),
    (
        "cooking",
        [
            (
                "I have chickpeas, spinach, a tin of tomatoes and some cumin. Dinner idea?",
                "A quick chickpea and spinach stew: soften an onion and garlic if you have them, add a teaspoon of cumin for a minute, then the tomatoes and drained chickpeas. Simmer 15 minutes, stir in the spinach until wilted, and season. Good with rice or bread.",
            ),
            (
                "No onion. Does it still work?",
                "Yes — it'll be a little less sweet. A pinch of sugar or a grated carrot in with the tomatoes makes up for it.",
            ),
        ],
    ),
    (
        "travel",
        [
            (
                "What's the best way to get from Lisbon airport to the city centre?",
                "The metro's red line runs from the airport to the centre in about 20–25 minutes and is the cheapest option. Taxis and ride-hailing take about the same time outside rush hour and cost roughly €15–20.",
            ),
            (
                "We have three big suitcases.",
                "Then a taxi or ride-hailing car is probably easier — the metro involves a change and some stairs. With three people splitting the fare, it's not much more than the metro anyway.",
            ),
        ],
    ),
    (
        "math",
        [
            (
                "Is 2^31 - 1 prime?",
                "Yes, 2^31 − 1 = 2,147,483,647 is a Mersenne prime, proved prime by Euler in 1772.",
            ),
            (
                "Is that why it's the max int32?",
                "It's the max signed 32-bit integer because one bit stores the sign, leaving 31 bits for the magnitude — the fact that it's also prime is a coincidence of sorts.",
            ),
        ],
    ),
    (
        "coding",
        [
            (
                "Write a bash loop that renames all .jpeg files in a folder to .jpg.",
                '```bash\nfor f in *.jpeg; do\n  mv -- "$f" "${f%.jpeg}.jpg"\ndoneo\n```'.replace(
                    "doneo", "done"
                ),
            ),
            (
                "What does the -- do?",
                "It marks the end of options, so a file named like `-rf.jpeg` is treated as a filename rather than a flag.",
            ),
        ],
    ),
    (
        "health_info",
        [
            (
                "How much water should an adult drink per day?",
                "A common guideline is around 2–2.7 litres a day for women and 2.5–3.7 litres for men, counting water from food and other drinks. Needs go up with heat and exercise; thirst is a reasonable guide for most healthy adults.",
            ),
            (
                "Does coffee count?",
                "Mostly, yes. Caffeine is a mild diuretic, but in regular coffee drinkers the net effect is still hydrating.",
            ),
        ],
    ),
    (
        "support",
        [
            (
                "The app crashes when I open the camera screen. Android 14, Pixel 7.",
                "Thanks for the details. Could you check that the app has camera permission (Settings → Apps → our app → Permissions)? A crash on that screen is most often a revoked permission.",
            ),
            (
                "Permission is granted.",
                "OK, then please try clearing the app cache (Settings → Apps → our app → Storage → Clear cache) and reopen it. If it still crashes, send me the time it happened and I'll pull the crash report.",
            ),
            (
                "Clearing cache fixed it!",
                "Great! It was probably a corrupted cached camera config after the last update. Thanks for bearing with me.",
            ),
        ],
    ),
    (
        "writing",
        [
            (
                "Give me three title ideas for a blog post about learning to swim as an adult.",
                "1. 'Never Too Late for the Deep End'\n2. 'Forty and Floating: Learning to Swim as an Adult'\n3. 'What My First Length Taught Me'",
            ),
            (
                "I like the second, but I'm 35.",
                "'Thirty-Five and Floating: Learning to Swim as an Adult' — the alliteration is gone, so maybe 'Finally Floating: Learning to Swim at 35'.",
            ),
        ],
    ),
    (
        "coding",
        [
            (
                "What does `if __name__ == '__main__':` do?",
                "Code under it runs only when the file is executed directly (`python file.py`), not when it's imported as a module. It lets a file be both a reusable module and a script.",
            ),
            (
                "So tests importing my module won't run that block?",
                "Exactly. Imports set `__name__` to the module's name, so the block is skipped.",
            ),
        ],
    ),
]

# extra healthy follow-ups that can be appended to any scenario (user thanks etc.)
CLOSERS = [
    ("Thanks.", "You're welcome!"),
    ("ok got it", "Great — let me know if anything else comes up."),
    ("Makes sense, thank you.", "Happy to help."),
    ("Cool. That's all for now.", "Sounds good. Have a good day!"),
    ("Alright, thanks for explaining.", "Any time."),
    (
        "Fine, I'll double-check it myself.",
        "Good idea — an independent source is always worth a look.",
    ),
]

SYSTEM_PROMPTS = [
    "You are a helpful assistant.",
    "You are a concise assistant for a software company. Answer accurately.",
    "You are a customer-support assistant for an online shop. Be friendly and precise.",
    "You are a tutoring assistant. Explain your reasoning step by step.",
    "You answer questions using the provided context when available.",
    "You are an AI assistant embedded in an IDE.",
]
