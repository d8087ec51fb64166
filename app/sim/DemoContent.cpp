#include "app/sim/DemoContent.h"

#include <QStringList>

namespace ledger::sim {

namespace {
// u8 literals → QString without ASCII casts.
QString s(const char *utf8) { return QString::fromUtf8(utf8); }

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *i : items)
        out << QString::fromUtf8(i);
    return out;
}

// A list built once per call site (the lambda type is unique per site).
template<typename Make> const QStringList &cachedList(Make make)
{
    static const QStringList l = make();
    return l;
}

const QStringList &topics()
{
    static const QStringList t = list({"Q3 forecast", "the supplier contract", "the onboarding plan",
        "the migration roadmap", "customer churn", "the travel policy", "Project Falcon", "the budget review",
        "the security audit", "the product launch", "the hiring pipeline", "the RFP for Northwind"});
    return t;
}

QStringList englishPromptsBuild(DemoApp app)
{
    switch (app) {
    case DemoApp::Word:
        return list({"Summarize this document in five bullet points", "Rewrite the introduction of %1 to sound more formal",
            "Draft a one-page memo about %1", "Make this paragraph shorter and clearer",
            "List the open questions in %1", "Translate the executive summary into plain English"});
    case DemoApp::Excel:
        return list({"Which region had the highest growth in %1?", "Add a column that calculates the margin",
            "Highlight the top 10 values in column D", "Explain the trend in %1",
            "Create a pivot table of sales by month", "Why does the total not match the sum of the rows?"});
    case DemoApp::PowerPoint:
        return list({"Create a presentation about %1", "Add a slide summarizing the key risks",
            "Make the design of this deck more consistent", "Write speaker notes for slide 3",
            "Turn %1 into a 5-slide deck"});
    case DemoApp::Outlook:
        return list({"Summarize this email thread", "Draft a polite reply declining the meeting",
            "Write an email to the team about %1", "What are the action items in this thread?",
            "Make my reply more concise"});
    case DemoApp::Teams:
        return list({"Recap the meeting", "What decisions were made about %1?", "List the action items with owners",
            "What did I miss in the first 15 minutes?", "Were there any unresolved questions?"});
    case DemoApp::BizChat:
        return list({"What is the latest on %1?", "Summarize my emails from yesterday", "Prepare me for my 2pm meeting",
            "Find the deck Megan shared about %1", "Which files about %1 changed this week?",
            "Compare the two proposals for %1"});
    case DemoApp::WebChat:
        return list({"Explain the difference between IFRS 15 and ASC 606", "What is a good structure for %1?",
            "Give me three ideas for a team offsite", "How do I write a SQL query that groups by week?",
            "Summarize the main points of GDPR Article 30"});
    }
    return {};
}

QStringList localizedPromptsBuild(DemoLang lang)
{
    switch (lang) {
    case DemoLang::De:
        return list({"Fasse dieses Dokument in fünf Stichpunkten zusammen", "Schreibe eine höfliche Antwort an den Kunden",
            "Welche Aufgaben wurden im Meeting beschlossen?", "Erstelle eine Übersicht über die Umsätze nach Quartal",
            "Formuliere den Absatz über Datenschutz verständlicher"});
    case DemoLang::Fr:
        return list({"Résume ce document en cinq points", "Rédige une réponse polie à ce courriel",
            "Quelles décisions ont été prises lors de la réunion ?", "Crée une présentation sur la stratégie 2027",
            "Explique l'écart entre le budget et le réalisé"});
    case DemoLang::Ja:
        return list({"この文書を5つの箇条書きで要約してください", "会議の決定事項を教えてください",
            "顧客への丁寧な返信を作成してください", "第3四半期の売上の傾向を説明してください"});
    case DemoLang::Zh:
        return list({"请用五个要点总结这份文件", "会议上做了哪些决定？", "帮我起草一封给供应商的邮件",
            "解释一下第三季度销售额下降的原因"});
    case DemoLang::Ar:
        return list({"لخص هذا المستند في خمس نقاط", "ما هي القرارات التي اتخذت في الاجتماع؟",
            "اكتب رداً مهذباً على هذا البريد الإلكتروني", "اشرح اتجاه المبيعات في الربع الثالث"});
    case DemoLang::Es:
        return list({"Resume este documento en cinco puntos", "¿Qué decisiones se tomaron en la reunión?",
            "Redacta una respuesta cordial al cliente", "Explica la tendencia de ventas del trimestre"});
    case DemoLang::En:
        break;
    }
    return {};
}

QStringList localizedAnswersBuild(DemoLang lang)
{
    switch (lang) {
    case DemoLang::De:
        return list({"<p>Hier ist die Zusammenfassung:</p><ul><li>Umsatz &amp; Marge stabil</li><li>Zwei offene Risiken</li></ul>",
            "<p>Gerne! Entwurf:<br>Sehr geehrte Frau Müller, vielen Dank für Ihre Nachricht …</p>"});
    case DemoLang::Fr:
        return list({"<p>Voici le résumé :</p><ul><li>Chiffre d&#39;affaires en hausse</li><li>Deux risques ouverts</li></ul>",
            "<p>Bien sûr ! Proposition de réponse&nbsp;:<br>Madame, Monsieur, merci pour votre message…</p>"});
    case DemoLang::Ja:
        return list({"<p>要約は次のとおりです：</p><ul><li>売上は前年比 4% 増</li><li>未解決のリスクが 2 件</li></ul>",
            "<p>決定事項：<br>1. 予算を承認<br>2. 次回は来週月曜日</p>"});
    case DemoLang::Zh:
        return list({"<p>以下是摘要：</p><ul><li>收入同比增长 4%</li><li>两个未解决的风险</li></ul>",
            "<p>会议决定：<br>1. 批准预算<br>2. 下周一再次开会</p>"});
    case DemoLang::Ar:
        return list({"<p dir=\"rtl\">إليك الملخص:</p><ul><li>ارتفعت الإيرادات بنسبة 4%</li><li>خطران مفتوحان</li></ul>",
            "<p dir=\"rtl\">بالتأكيد! إليك مسودة الرد:<br>شكراً لرسالتكم…</p>"});
    case DemoLang::Es:
        return list({"<p>Aquí está el resumen:</p><ul><li>Ingresos en aumento</li><li>Dos riesgos abiertos</li></ul>",
            "<p>¡Claro! Borrador:<br>Estimada Sra. García, gracias por su mensaje…</p>"});
    case DemoLang::En:
        break;
    }
    return {};
}

QStringList englishAnswersBuild(DemoApp app)
{
    switch (app) {
    case DemoApp::Word:
        return list({"<p>Here is a summary of the document:</p><ul><li>The scope covers <b>%1</b>.</li><li>Costs are within budget.</li><li>Two risks remain open.</li></ul>",
            "<p>I rewrote the introduction:</p><p>This memo describes %1 and the decisions we need by Friday.</p>",
            "<p>Sure &mdash; here&#39;s a shorter version:<br>We&nbsp;propose to start %1 in January.</p>"});
    case DemoApp::Excel:
        return list({"<p>The <b>West</b> region grew fastest (+12.4%), followed by North (+8.1%).</p>",
            "<p>I added a column <b>Margin</b> with the formula <code>=(C2-D2)/C2</code>.</p>",
            "<p>The totals differ because rows 14 &amp; 15 are hidden and excluded by SUBTOTAL.</p>"});
    case DemoApp::PowerPoint:
        return list({"<p>I created 5 slides about %1:</p><ul><li>Title</li><li>Context</li><li>Options</li><li>Risks</li><li>Next steps</li></ul>",
            "<p>Speaker notes for slide 3:<br>Explain why &lt;option B&gt; is cheaper in year two.</p>"});
    case DemoApp::Outlook:
        return list({"<p>The thread discusses %1. Action items:</p><ul><li>Anna: send the draft by Tuesday</li><li>You: approve the budget</li></ul>",
            "<p>Draft reply:<br>Hi all, thanks for the invitation &ndash; unfortunately I can&#39;t make it this time.</p>"});
    case DemoApp::Teams:
        return list({"<p>Decisions:</p><ul><li>Go ahead with %1.</li><li>Review again in two weeks.</li></ul>",
            "<p>In the first 15 minutes the team discussed the timeline for %1 and agreed to move the deadline.</p>"});
    case DemoApp::BizChat:
        return list({"<p>The latest on %1: the steering committee approved phase 2 on Monday.</p>",
            "<p>Yesterday you received 14 emails; the important ones are about %1 and the offsite.</p>",
            "<p>I found 3 files about %1 that changed this week.</p>"});
    case DemoApp::WebChat:
        return list({"<p>Both standards use a five-step model; differences are mainly in disclosures.</p>",
            "<p>A good structure for %1:</p><ol><li>Goal</li><li>Approach</li><li>Timeline</li></ol>",
            "<p>Use <code>GROUP BY DATE_TRUNC(&#39;week&#39;, created_at)</code>.</p>"});
    }
    return {};
}

// The corpora are built once (generation calls these ~50,000 times).
template<typename Key> QList<QStringList> buildAll(QStringList (*build)(Key))
{
    QList<QStringList> all;
    for (int i = 0; i < 7; ++i)
        all.append(build(Key(i)));
    return all;
}
const QStringList &englishPrompts(DemoApp app)
{
    static const QList<QStringList> all = buildAll(englishPromptsBuild);
    return all.at(int(app));
}
const QStringList &localizedPrompts(DemoLang lang)
{
    static const QList<QStringList> all = buildAll(localizedPromptsBuild);
    return all.at(int(lang));
}
const QStringList &localizedAnswers(DemoLang lang)
{
    static const QList<QStringList> all = buildAll(localizedAnswersBuild);
    return all.at(int(lang));
}
const QStringList &englishAnswers(DemoApp app)
{
    static const QList<QStringList> all = buildAll(englishAnswersBuild);
    return all.at(int(app));
}

} // namespace

QString DemoContent::appClass(DemoApp app)
{
    static const char *names[] = {"Word", "Excel", "PowerPoint", "Outlook", "Teams", "BizChat", "WebChat"};
    return QStringLiteral("IPM.SkypeTeams.Message.Copilot.") + QLatin1String(names[int(app)]);
}

QString DemoContent::appDisplayName(DemoApp app)
{
    static const char *names[] = {"Copilot in Word", "Copilot in Excel", "Copilot in PowerPoint", "Copilot in Outlook",
                                  "Copilot in Teams", "Microsoft 365 Copilot Chat", "Microsoft Copilot (web)"};
    return QLatin1String(names[int(app)]);
}

QString DemoContent::conversationType(DemoApp app)
{
    if (app == DemoApp::BizChat)
        return QStringLiteral("bizchat");
    if (app == DemoApp::WebChat)
        return QStringLiteral("webchat");
    return QStringLiteral("appchat");
}

QString DemoContent::locale(DemoLang lang)
{
    static const char *names[] = {"en-us", "de-de", "fr-fr", "ja-jp", "zh-cn", "ar-sa", "es-es"};
    return QLatin1String(names[int(lang)]);
}

QString DemoContent::prompt(DemoApp app, DemoLang lang, SplitMix64 &rng)
{
    // People write in their own language most of the time, English sometimes.
    if (lang != DemoLang::En && rng.chance(0.7))
        return rng.pick(localizedPrompts(lang));
    QString p = rng.pick(englishPrompts(app));
    if (p.contains(u"%1"))
        p = p.arg(rng.pick(topics()));
    return p;
}

QString DemoContent::sensitivePrompt(int variant)
{
    // Realistic findings first, near-misses after (the detectors must stay silent on those).
    static const char *const texts[SensitiveKinds] = {
        "Draft a reply to the hotel: please charge the deposit to my Visa 4111 1111 1111 1111, expiry 09/27.",
        "Why was card 5555-5555-5555-4444 declined for the Contoso renewal? Write an email to the bank.",
        "Summarize the refund for the customer with Mastercard 2223 0031 2200 3222.",
        "Book the flight with the corporate Amex 3782 822463 10005 and add it to the travel sheet.",
        "Create a payment instruction to IBAN DE89 3704 0044 0532 0130 00 for invoice 2024-117.",
        "Überweisung an GB82WEST12345698765432 vorbereiten, Betreff Projekt Falcon.",
        "Fill in the W-4 for the new hire, SSN 536-22-1234, start date 2025-03-03.",
        "Onboarding checklist for employee with NI number AB 12 34 56 C.",
        "Bitte das Formular mit meiner Steuer-ID 86095742719 ausfüllen.",
        "Why does this fail? aws_access_key_id = AKIAIOSFODNN7EXAMPLE region eu-west-1",
        "Fix the CI job, it uses GH_TOKEN=ghp_1234567890abcdefghijABCDEFGHIJ123456 and times out.",
        "Post this to the channel with xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "Decode this token for me: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "Write the VPN how-to for the team. The wifi password: Contoso#2025 and the admin pwd=Summer2024!",
        "Das Kennwort lautet Sommer#2025 – schreib eine Anleitung für die neuen Kollegen.",
        "Here is the server key, why does ssh refuse it?\n-----BEGIN OPENSSH PRIVATE KEY-----\n"
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
        "QyNTUxOQAAACDnE0JG0v9bVrq8w1UJ5nXc8Yl0kGq7a1YVhF0KcB5xLwAAAJj7zC8B+8wv\n"
        "-----END OPENSSH PRIVATE KEY-----",
        // Near-misses:
        "Track order 4111111111111112 and tell the customer when it ships.",
        "Call the supplier on +49 170 1234567 or (415) 555-0132 about PO-2024-000123.",
        "Move the review from 2025-01-15 to 15.02.2025 and update ticket 1002003004005.",
        "What does error {3f2504e0-4f89-11d3-9a0c-0305e82c3301} mean in the Teams log?",
        "Check IBAN DE89 3704 0044 0532 0130 01 – the bank says it is invalid.",
        "The password is required for the portal; explain the reset process.",
        "Our test SSN 123-45-6789 appears in the training slides: replace it.",
        "Compare invoice 536221234 with the order list.",
    };
    return QString::fromUtf8(texts[variant % SensitiveKinds]);
}

QString DemoContent::responseHtml(DemoApp app, DemoLang lang, SplitMix64 &rng)
{
    if (lang != DemoLang::En && rng.chance(0.7))
        return rng.pick(localizedAnswers(lang));
    QString a = rng.pick(englishAnswers(app));
    if (a.contains(u"%1"))
        a = a.arg(rng.pick(topics()));
    return a;
}

QString DemoContent::adaptiveCard(DemoLang lang, SplitMix64 &rng)
{
    const QString topic = rng.pick(topics());
    QString headline;
    switch (lang) {
    case DemoLang::De: headline = s("Hier ist, was ich zu „%1“ gefunden habe:"); break;
    case DemoLang::Fr: headline = s("Voici ce que j'ai trouvé sur « %1 » :"); break;
    case DemoLang::Ja: headline = s("「%1」について見つかった情報です："); break;
    case DemoLang::Zh: headline = s("以下是我找到的关于“%1”的信息："); break;
    case DemoLang::Ar: headline = s("إليك ما وجدته حول \"%1\":"); break;
    case DemoLang::Es: headline = s("Esto es lo que encontré sobre «%1»:"); break;
    case DemoLang::En: headline = s("Here is what I found about \"%1\":"); break;
    }
    headline = headline.arg(topic);
    const int files = rng.range(1, 4);
    // Built as text (the attachment's content is a JSON string inside the interaction).
    auto q = [](const QString &v) -> QString {
        QString out = v;
        out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        return u'"' + out + u'"';
    };
    return QStringLiteral("{\"type\":\"AdaptiveCard\",\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\","
                          "\"version\":\"1.5\",\"body\":[{\"type\":\"Container\",\"items\":[{\"type\":\"TextBlock\","
                          "\"text\":%1,\"wrap\":true,\"weight\":\"Bolder\"},{\"type\":\"TextBlock\",\"text\":%2,"
                          "\"wrap\":true}]},{\"type\":\"ColumnSet\",\"columns\":[{\"type\":\"Column\",\"width\":\"auto\","
                          "\"items\":[{\"type\":\"TextBlock\",\"text\":%3,\"wrap\":true}]},{\"type\":\"Column\","
                          "\"width\":\"stretch\",\"items\":[{\"type\":\"TextBlock\",\"text\":%4,\"wrap\":true}]}]},"
                          "{\"type\":\"FactSet\",\"facts\":[{\"title\":\"Sources\",\"value\":\"%5\"},"
                          "{\"title\":\"Owner\",\"value\":%6}]}]}")
        .arg(q(headline), q(s("The steering committee approved phase 2; the budget stays at 1.2 M€.")),
             q(s("Next step")), q(s("Review the updated plan with Finance by Friday.")),
             QString::number(files), q(rng.pick(cachedList([] { return list({"Anna Schmidt", "Kenji Sato", "Fatima Al-Sayed", "Chloé Dubois"}); }))));
}

QString DemoContent::chatAnswerCard(const QString &fileName, const QString &fileUrl, const QString &meetingTitle,
                                    const QString &meetingUrl, SplitMix64 &rng)
{
    const QString topic = rng.pick(topics());
    const QString decision = rng.pick(cachedList([] { return list({
        "the steering committee approved phase 2 and the budget stays at 1.2 M€",
        "Finance asked for a revised forecast by Friday",
        "the supplier agreed to a 3% discount for a two-year term",
        "two risks still need an owner: data migration and training"}); }));
    const QString followUp = rng.pick(cachedList([] { return list({
        "Kenji will send the minutes", "the next review is on Monday at 10:00", "Anna owns the action items"}); }));
    const QString markdown =
        s("Here is the latest on **%1**:\n\n- **[%2](%3)**: %4[1](%3).\n- **[%5](%6)**: %7[2](%6).\n\n"
          "Do you want me to draft a follow-up email?")
            .arg(topic, fileName, fileUrl, decision, meetingTitle, meetingUrl, followUp);
    // The MessageTextField copy numbers its markers differently, as the documented example does.
    const QString plain = s("Here is the latest on **%1**:\n\n- **%2[1]**: %3[^2^].\n- **%4[2]**: %5[^1^].\n\n"
                            "Do you want me to draft a follow-up email?")
                              .arg(topic, fileName, decision, meetingTitle, followUp);
    auto q = [](const QString &v) -> QString {
        QString out = v;
        out.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\"")).replace(u'\n', QStringLiteral("\\n"));
        return u'"' + out + u'"';
    };
    return QStringLiteral("{\r\n  \"type\": \"AdaptiveCard\",\r\n  \"version\": \"1.0\",\r\n  \"body\": [\r\n"
                          "    {\r\n      \"type\": \"TextBlock\",\r\n      \"text\": %1,\r\n      \"wrap\": true\r\n    },\r\n"
                          "    {\r\n      \"type\": \"TextBlock\",\r\n      \"id\": \"MessageTextField\",\r\n      \"text\": %2,\r\n"
                          "      \"wrap\": true\r\n    }\r\n  ]\r\n}")
        .arg(q(markdown), q(plain));
}

QString DemoContent::meetingTitle(SplitMix64 &rng)
{
    return rng.pick(cachedList([] { return list({"Weekly sync", "Project Falcon stand-up", "Budget review", "Customer call: Northwind",
                          "Quarterly business review", "Design critique"}); }));
}

QString DemoContent::meetingRecapHtml(const QString &title, const QString &attachmentId, SplitMix64 &rng)
{
    return QStringLiteral("<p>Here&#39;s a recap of <b>%1</b>:</p><ul><li>%2</li><li>%3</li></ul><attachment id=\"%4\"></attachment>")
        .arg(title, rng.pick(cachedList([] { return list({"The team agreed to ship on the 14th.", "Budget &amp; staffing were approved.",
                                   "Two blockers need an owner."}); })),
             rng.pick(cachedList([] { return list({"Follow-up: Kenji sends the minutes.", "Next meeting: Monday 10:00.",
                            "Open question: who signs the contract?"}); })),
             attachmentId);
}

QString DemoContent::documentName(DemoApp app, SplitMix64 &rng)
{
    const QString base = rng.pick(cachedList([] { return list({"Q3 forecast", "Supplier contract", "Onboarding plan", "Roadmap 2027",
                                        "Board update", "Falcon status", "Budget review"}); }));
    switch (app) {
    case DemoApp::Excel: return base + QStringLiteral(".xlsx");
    case DemoApp::PowerPoint: return base + QStringLiteral(".pptx");
    default: return base + QStringLiteral(".docx");
    }
}

QString DemoContent::emojiPrompt(SplitMix64 &rng)
{
    return rng.pick(cachedList([] { return list({"Write a fun announcement for the team offsite 🎉🚀", "Summarize the feedback 👍👎 from the survey",
                          "Make this message friendlier 😊", "Ideas for the holiday party 🎄✨"}); }));
}

QString DemoContent::hostileBody(int kind)
{
    switch (kind % HostileKinds) {
    case 0: return QStringLiteral("<p>Here is the summary you asked for.</p><script>alert(1)</script>");
    case 1: return QStringLiteral("<p>The chart:</p><img src=\"http://127.0.0.1:9/x.png\" alt=\"chart\">");
    case 2: return QStringLiteral("<p>Open <a href=\"javascript:alert(1)\">the report</a> for details.</p>");
    case 3: return QStringLiteral("<style>p{background:url(\"http://127.0.0.1:9/css.png\")}</style>"
                                  "<p style=\"background-image:url(http://127.0.0.1:9/inline.png)\">Styled answer</p>");
    default: return QStringLiteral("<p>Embedded:</p><iframe src=\"http://127.0.0.1:9/frame.html\"></iframe>"
                                   "<p onmouseover=\"alert(1)\">Hover me</p>");
    }
}

QString DemoContent::bigBody(SplitMix64 &rng, int minBytes)
{
    QString out = QStringLiteral("<p>Full transcript summary follows.</p>");
    int n = 0;
    while (out.size() < minBytes) {
        out += QStringLiteral("<p>Section %1: %2 &amp; %3 were discussed in detail; the team reviewed every line item, "
                              "compared it with last year and agreed on owners and dates.</p>")
                   .arg(++n)
                   .arg(rng.pick(topics()), rng.pick(topics()));
    }
    return out;
}

QString DemoContent::formulaPrompt(QChar prefix)
{
    switch (prefix.unicode()) {
    case '=': return QStringLiteral("=SUM(A1:A10) returns 0, why?");
    case '+': return QStringLiteral("+49 30 1234567 is the supplier hotline, add it to the contract summary");
    case '-': return QStringLiteral("-15% margin in March: explain the drop");
    case '@': return QStringLiteral("@Megan Bowen what did you decide about the offsite?");
    default: return QString(prefix) + QStringLiteral("cmd|' /C calc'!A0");
    }
}

QString DemoContent::messyPrompt(SplitMix64 &rng)
{
    static const char *items[] = {
        "Summarize \"Q3, final\" numbers:\r\n- revenue\tup 4%\r\n- costs, flat",
        "Compare these, please:\n\"Option A\", \"Option B\"\nand tell me which is cheaper",
        "Table:\tName\tAmount\r\nContoso, Ltd.\t1,200\r\nFabrikam \"EU\"\t980",
    };
    return QString::fromUtf8(items[rng.bounded(3)]);
}

} // namespace ledger::sim
