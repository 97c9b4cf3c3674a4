"""Loop positives (degenerate repetition) and regular-structure hard negatives, several languages."""

from __future__ import annotations

# (unit repeated, separator, lang tag). Repeated n times by the generator.
LOOP_UNITS = [
    ("I am a disgrace.", " ", "en"),
    ("我不知道。", "", "zh"),
    ("わかりません。", "", "ja"),
    ("Checking file...", " ", "en"),
    ("Let me try again.", " ", "en"),
    ("I apologize for the error.", " ", "en"),
    ("Lo siento mucho.", " ", "es"),
    ("Je suis désolé.", " ", "fr"),
    ("Ich versuche es noch einmal.", " ", "de"),
    ("The answer is 42.", " ", "en"),
    ("wait", " ", "en"),
    ("I am a failure. I am a disgrace.", " ", "en"),
    ("对不起，我错了。", "", "zh"),
    ("もう一度やり直します。", "", "ja"),
    ("Running tests...", "\n", "en"),
    ("I will fix it now.", " ", "en"),
    ("No sé la respuesta.", " ", "es"),
    ("Je recommence.", " ", "fr"),
    ("Das tut mir leid.", " ", "de"),
    ("I'm sorry, I'm sorry,", " ", "en"),
    ("Retrying...", "\n", "en"),
    ("我再试一次", "，", "zh"),
    ("I cannot do this.", " ", "en"),
    ("and then", " ", "en"),
    ("Let me check the documentation.", " ", "en"),
    ("申し訳ございません", "。", "ja"),
    ("I need to stop.", " ", "en"),
    ("This is not working.", " ", "en"),
]

# useful prefixes a degenerate tail can follow
LOOP_PREFIXES = [
    ("", "any"),
    ("", "any"),
    ("", "any"),
    ("Let me look at the stack trace again.\n\n", "en"),
    ("The function should return the sum of the list. ", "en"),
    ("OK, I'll recompute the totals. ", "en"),
    ("Here is the updated plan:\n1. Parse the input\n2. Validate it\n\n", "en"),
    ("Vamos a revisar el código. ", "es"),
    ("La respuesta correcta es 12. ", "es"),
    ("我来检查一下代码。", "zh"),
    ("这个问题的答案是：", "zh"),
    ("ログを確認します。", "ja"),
    ("修正版のコードです。", "ja"),
    ("Je vais vérifier la configuration. ", "fr"),
    ("Voici le résumé demandé. ", "fr"),
    ("Ich prüfe die Datei. ", "de"),
    ("Hier ist die korrigierte Version. ", "de"),
]

# first user message per language for in-reply loops
LOOP_ASKS = {
    "en": [
        "Can you fix the failing test in utils.py?",
        "Please finish the report summary.",
        "What's wrong with my query?",
        "Why does the deploy keep timing out?",
        "Sum the numbers in column B for me.",
    ],
    "es": ["¿Puedes arreglar este error en mi script?", "¿Cuánto es 7 por 8?"],
    "zh": ["请帮我看看这段代码哪里错了。", "这个函数为什么返回空值？"],
    "ja": ["このコードのバグを直してもらえますか？", "この文章を要約してください。"],
    "fr": ["Peux-tu corriger ce script ?", "Résume ce document, s'il te plaît."],
    "de": ["Kannst du den Fehler in meinem Skript finden?", "Fasse bitte den Bericht zusammen."],
}

# near-identical replies on consecutive turns (multi-turn loop); small variations allowed
TURN_LOOP_REPLIES = [
    (
        "I apologize for the error. Let me fix that for you. Here is the corrected code:\n\n```python\ndef mean(xs):\n    return sum(xs) / len(xs)\n```",
        [
            "I apologize for the error. Let me fix that for you. Here is the corrected code:\n\n```python\ndef mean(xs):\n    return sum(xs) / len(xs)\n```",
            "I apologize for the error. Let me fix that for you. Here is the corrected code:\n\n```python\ndef mean(xs):\n    return sum(xs) / len(xs)\n```\n",
            "I apologize for the error! Let me fix that for you. Here is the corrected code:\n\n```python\ndef mean(xs):\n    return sum(xs) / len(xs)\n```",
        ],
    ),
    (
        "I'll run the build again to check whether the issue is resolved.",
        [
            "I'll run the build again to check whether the issue is resolved.",
            "I'll run the build again to check whether the issue has been resolved.",
            "I'll run the build again to check whether the issue is resolved.",
        ],
    ),
    (
        "Understood. The file has been updated with the requested change. Let me know if you need anything else.",
        [
            "Understood. The file has been updated with the requested change. Let me know if you need anything else.",
            "Understood. The file has been updated with the requested changes. Let me know if you need anything else.",
            "Understood. The file has been updated with the requested change. Let me know if you need anything else!",
        ],
    ),
    (
        "The migration has been applied. Please restart the server and try again.",
        [
            "The migration has been applied. Please restart the server and try again.",
            "The migration has been applied. Please restart the server and try again.",
        ],
    ),
    (
        "Lo siento, tienes razón. Voy a corregirlo ahora mismo.",
        [
            "Lo siento, tienes razón. Voy a corregirlo ahora mismo.",
            "Lo siento, tienes razón. Voy a corregirlo ahora mismo.",
        ],
    ),
    (
        "好的，我会重新检查代码并修复这个问题。",
        [
            "好的，我会重新检查代码并修复这个问题。",
            "好的，我会重新检查代码并修复这个问题。",
        ],
    ),
    (
        "Let me search the documentation for that function.",
        [
            "Let me search the documentation for that function.",
            "Let me search the documentation for this function.",
            "Let me search the documentation for that function.",
        ],
    ),
    (
        "Je comprends. Je vais réessayer avec une autre approche.",
        [
            "Je comprends. Je vais réessayer avec une autre approche.",
            "Je comprends. Je vais réessayer avec une autre approche.",
        ],
    ),
]

# user nudges between looping assistant turns
LOOP_NUDGES = [
    "continue",
    "Any progress?",
    "ok, go on",
    "Please keep going.",
    "Status?",
    "Go ahead.",
    "next step?",
    "And now?",
    "Go on then.",
    "What's next?",
    "ok",
    "Proceed.",
]

# regular structure that must NOT count as a loop: (tags, user, assistant)
STRUCTURE_NEGATIVES = [
    (
        ["markdown_table"],
        "Make a table of the planets with their number of known moons (rough figures).",
        "| Planet | Moons |\n|---|---|\n| Mercury | 0 |\n| Venus | 0 |\n| Earth | 1 |\n| Mars | 2 |\n| Jupiter | 95 |\n| Saturn | 146 |\n| Uranus | 28 |\n| Neptune | 16 |",
    ),
    (
        ["numbered_list"],
        "List the steps to set up the dev environment.",
        "1. Install Python 3.12\n2. Install Poetry\n3. Install Docker\n4. Install the pre-commit hooks\n5. Install the Node dependencies\n6. Install the database client\n7. Run `make setup`\n8. Run `make test`",
    ),
    (
        ["json_records"],
        "Give me sample JSON for three users with id, name and active.",
        '[\n  {"id": 1, "name": "Ada", "active": true},\n  {"id": 2, "name": "Grace", "active": false},\n  {"id": 3, "name": "Linus", "active": true},\n  {"id": 4, "name": "Margaret", "active": true},\n  {"id": 5, "name": "Ken", "active": false}\n]',
    ),
    (
        ["csv_rows"],
        "Generate a CSV of monthly rainfall for a made-up town, 12 rows.",
        "month,rain_mm\nJan,78\nFeb,64\nMar,59\nApr,52\nMay,48\nJun,41\nJul,37\nAug,44\nSep,55\nOct,71\nNov,83\nDec,86",
    ),
    (
        ["lyrics_refrain"],
        "Write a short song for my daughter's birthday with a chorus that repeats.",
        "Verse 1:\nYou woke up with the sun today,\nSeven candles lead the way.\n\nChorus:\nHip hooray, it's Maya's day,\nHip hooray, it's Maya's day!\n\nVerse 2:\nCake and friends and games to play,\nLaughing all the afternoon away.\n\nChorus:\nHip hooray, it's Maya's day,\nHip hooray, it's Maya's day!\n\nVerse 3:\nWhen the stars come out at night,\nMake a wish and hold it tight.\n\nChorus:\nHip hooray, it's Maya's day,\nHip hooray, it's Maya's day!",
    ),
    (
        ["code_repetition"],
        "Write Python that sets up the same logging level for five modules.",
        "```python\nimport logging\n\nlogging.getLogger('app.api').setLevel(logging.INFO)\nlogging.getLogger('app.db').setLevel(logging.INFO)\nlogging.getLogger('app.cache').setLevel(logging.INFO)\nlogging.getLogger('app.auth').setLevel(logging.INFO)\nlogging.getLogger('app.jobs').setLevel(logging.INFO)\n```\n\nOr in a loop: `for name in ('api', 'db', 'cache', 'auth', 'jobs'): logging.getLogger(f'app.{name}').setLevel(logging.INFO)`",
    ),
    (
        ["multiplication_table"],
        "Print the 7 times table up to 10.",
        "7 × 1 = 7\n7 × 2 = 14\n7 × 3 = 21\n7 × 4 = 28\n7 × 5 = 35\n7 × 6 = 42\n7 × 7 = 49\n7 × 8 = 56\n7 × 9 = 63\n7 × 10 = 70",
    ),
    (
        ["sql_inserts"],
        "Give me INSERT statements for four products.",
        "INSERT INTO products (sku, name, price) VALUES ('A100', 'Kettle', 29.99);\nINSERT INTO products (sku, name, price) VALUES ('A101', 'Toaster', 34.50);\nINSERT INTO products (sku, name, price) VALUES ('A102', 'Blender', 59.00);\nINSERT INTO products (sku, name, price) VALUES ('A103', 'Mixer', 89.95);",
    ),
    (
        ["checklist"],
        "Packing checklist for a weekend hike?",
        "- [ ] Water (2 L)\n- [ ] Snacks\n- [ ] Rain jacket\n- [ ] Warm layer\n- [ ] Map and compass\n- [ ] Head torch\n- [ ] First-aid kit\n- [ ] Sun cream\n- [ ] Phone and power bank",
    ),
    (
        ["poem_anaphora"],
        "Write a four-line poem where every line starts with 'I remember'.",
        "I remember the kitchen light at six,\nI remember the radio's hum,\nI remember my father's hands on the bread,\nI remember the door, and the cold, and the drum.",
    ),
    (
        ["yaml_config"],
        "Give me a docker-compose file with three services, all using restart: always.",
        "services:\n  web:\n    image: nginx:1.27\n    restart: always\n  api:\n    image: myorg/api:latest\n    restart: always\n  worker:\n    image: myorg/worker:latest\n    restart: always",
    ),
    (
        ["countdown"],
        "Write a countdown for the start of my video, from 10.",
        "10...\n9...\n8...\n7...\n6...\n5...\n4...\n3...\n2...\n1...\nAction!",
    ),
    (
        ["markdown_table", "multilingual"],
        "用表格列出一周七天的中英文名称。",
        "| 中文 | English |\n|---|---|\n| 星期一 | Monday |\n| 星期二 | Tuesday |\n| 星期三 | Wednesday |\n| 星期四 | Thursday |\n| 星期五 | Friday |\n| 星期六 | Saturday |\n| 星期日 | Sunday |",
    ),
    (
        ["numbered_list", "multilingual"],
        "Dame los pasos para instalar el programa.",
        "1. Descarga el instalador.\n2. Ejecuta el instalador.\n3. Acepta la licencia.\n4. Elige la carpeta de destino.\n5. Pulsa «Instalar».\n6. Reinicia el ordenador.",
    ),
    (
        ["log_excerpt"],
        "Show me what the output of a retrying HTTP client with 4 attempts might look like, for my docs.",
        "```\n[12:00:01] GET /status -> 503, retrying in 1s (attempt 1/4)\n[12:00:02] GET /status -> 503, retrying in 2s (attempt 2/4)\n[12:00:04] GET /status -> 503, retrying in 4s (attempt 3/4)\n[12:00:08] GET /status -> 200 OK (attempt 4/4)\n```",
    ),
    (
        ["json_records", "multilingual"],
        "Gib mir drei Beispieldatensätze als JSON mit name und stadt.",
        '[\n  {"name": "Anna", "stadt": "Berlin"},\n  {"name": "Jonas", "stadt": "Hamburg"},\n  {"name": "Lea", "stadt": "München"},\n  {"name": "Paul", "stadt": "Köln"}\n]',
    ),
]

# a correct answer repeated in two consecutive turns (not a loop: only 2)
TWICE_SAME = [
    (
        "What port does HTTPS use by default?",
        "HTTPS uses port 443 by default.",
        "Sorry, what port again?",
        "HTTPS uses port 443 by default.",
    ),
    (
        "How many grams in a kilogram?",
        "There are 1,000 grams in a kilogram.",
        "And how many grams in a kilogram again? I got distracted.",
        "There are 1,000 grams in a kilogram.",
    ),
    (
        "What's the keyboard shortcut to undo on a Mac?",
        "Cmd + Z.",
        "Sorry, I missed it — what was it?",
        "Cmd + Z.",
    ),
    (
        "What's the capital of Japan?",
        "Tokyo is the capital of Japan.",
        "Wait, say that again?",
        "Tokyo is the capital of Japan.",
    ),
]
