import Foundation
import TestSupport
import Testing
@testable import FrontlineCorpus

/// Languages per passage, normalisation per script and names in inflected forms.
@Suite struct LanguageTests {
    /// The multilingual development set's articles; each id starts with its language.
    static func articles() throws -> [Article] {
        let path = Repository.root + "/Tests/judged/multilingual/articles.jsonl"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
            return Article(id: record["id"]!, title: record["title"] ?? "", date: record["date"].flatMap { if case .date(let d) = CalendarDate.parse($0) { d } else { nil } },
                           source: record["source"] ?? "", body: record["text"]!, file: path)
        }
    }

    @Test func languageIdentificationOnTheDevelopmentSet() throws {
        let processor = ArticleProcessor(gazetteer: .empty)
        var passages = 0, right = 0, lines = 0, linesRight = 0
        var wrong: [String] = []
        for article in try LanguageTests.articles() {
            let truth = Language(declared: String(article.id.prefix(2)))!
            for passage in processor.process(article).passages {
                passages += 1
                if passage.language == truth { right += 1 } else { wrong.append("\(article.id)#\(passage.ordinal) \(passage.language)") }
            }
            // One-line texts on their own, without their article: headlines and captions.
            for line in [article.title, article.body] where !line.isEmpty && !line.contains(". ") && !line.contains("։ ") {
                lines += 1
                if LanguageDetector.language(of: line) == truth { linesRight += 1 } else { wrong.append("line \"\(line)\" \(LanguageDetector.language(of: line))") }
            }
        }
        print("language identification: passages \(right)/\(passages), one-line texts alone \(linesRight)/\(lines)\n  " + wrong.joined(separator: "\n  "))
        #expect(Double(right) >= 0.95 * Double(passages))
        #expect(Double(linesRight) >= 0.85 * Double(lines))
    }

    @Test func declaredLanguageWinsAndUnknownCodesAreUnknown() {
        let processor = ArticleProcessor(gazetteer: .empty)
        var article = Article(id: "a", body: "Армия обороны сообщила об обстреле.", file: "a.md")
        article.extra = ["lang": "hy"]
        #expect(processor.process(article).passages.allSatisfy { $0.language == .armenian })
        article.extra = ["language": "fr"]
        #expect(processor.process(article).passages.allSatisfy { $0.language == .unknown })
        #expect(Language(declared: "ru-RU") == .russian && Language(declared: "Azerbaijani") == .azerbaijani)
    }

    @Test func detectionByScriptAndWords() {
        #expect(LanguageDetector.language(of: "Вооруженные силы Армении обстреляли Тертер") == .russian)
        #expect(LanguageDetector.language(of: "Збройні сили України повідомили про обстріл") == .unknown) // Ukrainian
        #expect(LanguageDetector.language(of: "Ադրբեջանը հրետակոծել է Թալիշը") == .armenian)
        #expect(LanguageDetector.language(of: "Xankəndidə güclü partlayışlar eşidilib") == .azerbaijani)
        #expect(LanguageDetector.language(of: "Shelling reported near Talish") == .english)
        #expect(LanguageDetector.language(of: "Bombardements près de Talish selon l'armée française") == .unknown)
        #expect(LanguageDetector.language(of: "ოთხი ჯარისკაცი დაიღუპა") == .unknown) // Georgian: no profile
        #expect(LanguageDetector.language(of: "12:40") == .unknown)
        #expect(LanguageDetector.language(of: "") == .unknown)
    }

    @Test func tokenizerTreatsGuillemetsArmenianStopsAndNoBreakSpacesAsPunctuation() {
        let tokens = Tokenizer.tokens("в районе села «Талыш» Թալիշ։ Շուշի՝ 10\u{A0}km")
        #expect(tokens.map(\.lower) == ["в", "районе", "села", "талыш", "թալիշ", "շուշի", "10", "km"])
        #expect(tokens[3].gap.contains(.quote))
        #expect(tokens[5].gap.contains(.sentenceEnd))
        #expect(tokens[6].gap.contains(.comma))
    }

    @Test func normalisationPerScript() {
        #expect(ScriptText.lower("Ещё") == "еще")
        #expect(ScriptText.lower("İlham") == "ilham")
        #expect(ScriptText.lower("BAKI") == "baki")
        #expect(ScriptText.lower("QARABAĞ") == "qarabağ")
        #expect(ScriptText.lower("TALIŞ") == "talış")
        #expect(ScriptText.lower("Ինչպե՞ս") == "ինչպես")
        #expect(ScriptText.normalized("Plain English text.") == "Plain English text.")
        #expect(Tokenizer.tokens("İlham Əliyev")[0].lower == "ilham")
    }

    @Test func namesAreTaggedInInflectedForms() throws {
        let (gazetteer, _) = try Gazetteer.load(path: Repository.gazetteer)
        let tagger = Tagger(gazetteer: gazetteer)
        #expect(tagger.tag("Переговоры прошли в Шуше.").places == ["shusha"])
        #expect(tagger.tag("Жители Степанакерта провели ночь в укрытиях.").places == ["stepanakert"])
        #expect(tagger.tag("Бои в районе села «Талыш».").places == ["talish"])
        #expect(tagger.tag("Ադրբեջանը հրետակոծել է Թալիշ։").places == ["talish"])
        #expect(tagger.tag("Ստեփանակերտում հնչել են պայթյուններ։").places == ["stepanakert"])
        #expect(tagger.tag("Şuşada atəşkəs pozulub.").places == ["shusha"])
        #expect(tagger.tag("Xankəndidə partlayışlar eşidilib.").places == ["stepanakert"])
        #expect(tagger.tag("Бои в Нагорном Карабахе.").places == ["nagorno-karabakh"])
        #expect(tagger.tag("Президент Азербайджана Ильхам Алиев заявил.").actors == ["aliyev"])
        // English names match as written, as before.
        #expect(tagger.tag("Talishes and Shushas").places.isEmpty)
    }

    @Test func transliterationKeysAgreeAcrossScripts() {
        #expect(Set(["Талыш", "Թալիշ", "Talış", "Talish", "Talysh"].compactMap(Transliteration.key)) == ["talis"])
        #expect(Set(["Мартуни", "Մարտունի", "Martuni"].compactMap(Transliteration.key)) == ["martuni"])
        #expect(Transliteration.keys("Мадагизом").contains("madagiz"))
        #expect(Transliteration.queryKeys("Shusha").contains(try! #require(Transliteration.keys("Шуше").last)))
        #expect(Transliteration.key("ოთხი") == nil) // a script with no transliteration
        #expect(Transliteration.fold("Dzhebrail") == Transliteration.fold("Jebrail"))
    }

    @Test func hostileTextIsReadAndMarkedUnknown() {
        let processor = ArticleProcessor(gazetteer: .empty)
        for body in [
            "Обстpел Aгдама cообщили в Баку", // Latin p, A, c inside Cyrillic words
            "\u{200F}\u{202E}Талыш\u{202C} \u{200F}Թալիշ\u{200E}", // right-to-left and embedding marks
            "Тала\u{301}ш Степана\u{301}керт e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}", // combining sequences
            "ოთხი ჯარისკაცი დაიღუპა ტალიშთან", // Georgian
            "قال أرايك هاروتيونيان زعيم الانفصاليين في ناغورنو كاراباخ", // Arabic, right to left
            String(repeating: "\u{301}", count: 500),
        ] {
            let passages = processor.process(Article(id: "x", body: body, file: "x.txt")).passages
            for passage in passages { _ = Tokenizer.tokens(passage.text); _ = Transliteration.keys(passage.text) }
            if body.hasPrefix("ოთხი") || body.hasPrefix("قال") {
                #expect(!passages.isEmpty)
                #expect(passages.allSatisfy { $0.language == .unknown })
            }
        }
    }

    @Test func queryWordsAreAlsoReadAsOtherScriptsSpellThem() throws {
        // x as ks, as Russian writes it; an Armenian name's h's dropped, as Russian drops them.
        #expect(Transliteration.queryKeys("Interfax").contains(try #require(Transliteration.key("Интерфакс"))))
        #expect(Transliteration.queryKeys("Hovhannisyan").contains(try #require(Transliteration.key("Ованнисян"))))
        #expect(Transliteration.queryKeys("Harutyunyan").contains(try #require(Transliteration.key("Арутюнян"))))
        #expect(Transliteration.queryKeys("Talish") == ["talis"])
    }
}

/// The language profiles beside the shipped gazetteer: claims and dates in Russian,
/// Armenian and Azerbaijani.
@Suite struct LanguageProfileTests {
    let processor: ArticleProcessor

    init() throws {
        let (gazetteer, diagnostics) = try Gazetteer.load(path: Repository.gazetteer)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Set(gazetteer.profiles.keys) == [.russian, .armenian, .azerbaijani]) // English is built in
        processor = ArticleProcessor(gazetteer: gazetteer)
    }

    private func passage(_ text: String, published: String = "2016-04-05") -> Passage {
        guard case .date(let date) = CalendarDate.parse(published) else { fatalError() }
        return processor.process(Article(id: "a", date: date, body: text, file: "a.txt")).passages[0]
    }

    @Test func claimsAreAttributedInEachLanguage() {
        #expect(passage("Вооруженные силы Армении обстреляли Тертер, заявили в Минобороны Азербайджана.").tags.claimants == ["azerbaijan"])
        #expect(passage("Бои идут у села Талыш, сообщает пресс-служба армии обороны Нагорного Карабаха.").tags.claimants == ["karabakh"])
        #expect(passage("По данным Минобороны Армении, ранены семь военнослужащих.").tags.claimants == ["armenia"])
        #expect(passage("Ադրբեջանը հրետակոծել է Թալիշը, հայտնում է Արցախի պաշտպանության բանակը։").tags.claimants == ["karabakh"])
        #expect(passage("Azərbaycan Müdafiə Nazirliyi bildirib ki, Talış azad edilib.").tags.claimants == ["azerbaijan"])
    }

    @Test func russianFiguresAreRead() throws {
        let (lexicon, _) = try FigureLexicon.load(path: Repository.figureLexicon)
        let (gazetteer, _) = try Gazetteer.load(path: Repository.gazetteer)
        let processor = ArticleProcessor(gazetteer: gazetteer, figures: lexicon)
        let text = "По данным Минобороны Азербайджана, погибли двое мирных жителей, ранены семь военнослужащих."
        let figures = processor.process(Article(id: "a", body: text, file: "a.txt")).passages[0].figures
        #expect(figures.map { "\($0.count.value) \($0.category) \($0.subject ?? "")" } == ["2 killed civilians", "7 wounded soldiers"])
    }

    @Test func theBuiltInProfilesAreTheShippedFiles() throws {
        for language in Language.allCases where language != .unknown {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repository.corpus + "/languages/\(language.rawValue).json"))
            #expect(LanguageProfile.builtIn[language] == (try LanguageProfile.decode(data)), "\(language.rawValue).json changed since the build")
        }
        // English's words are the file's, read by the English rules.
        let english = try LanguageProfile.decode(Data(contentsOf: URL(fileURLWithPath: Repository.corpus + "/languages/en.json")))
        #expect(Tagger.claimVerbs == Set(english.claimWords) && Tagger.claimVerbs.contains("said"))
        #expect(StopWords.english == Set(english.stopWords) && StopWords.english.contains("the"))
        #expect(CalendarDate.monthNumbers["sept"] == 9 && CalendarDate.weekdayNumbers["sunday"] == 0)
        #expect(StopWords.all.isSuperset(of: ["the", "и", "և", "və"]))
        #expect(StopWords.all == Set(LanguageProfile.allBuiltIn(\.stopWords))) // read alone, the same words
    }

    @Test func chromeIsDroppedInEachLanguage() {
        let body = """
        Минобороны Азербайджана заявило об обстреле Тертера, сообщает ТАСС.

        Читайте также: Бои у села Талыш

        Ստեփանակերտում իրավիճակը հանգիստ է, հայտնում է Արցախի պաշտպանության բանակը։

        Կիսվել:

        Müdafiə Nazirliyi bildirib ki, Tərtər atəşə tutulub.

        OXŞAR XƏBƏRLƏR
        """
        let texts = processor.process(Article(id: "a", body: body, file: "a.txt")).passages.map(\.text)
        #expect(texts.count == 3, "\(texts)")
        #expect(!texts.contains { $0.contains("Читайте") || $0.contains("Կիսվել") || $0.contains("OXŞAR") })
    }

    @Test func relativeDatesAndPlaceAdjectivesAreReadInEachLanguage() {
        #expect(passage("Вчера Минобороны Азербайджана заявило об обстреле.").eventDates.map(\.iso) == ["2016-04-04"])
        #expect(passage("Երեկ Ադրբեջանը հրետակոծել է Թալիշը։").eventDates.map(\.iso) == ["2016-04-04"])
        #expect(passage("Dünən Tərtər atəşə tutulub.").eventDates.map(\.iso) == ["2016-04-04"])
        // A place's adjective names the place: "на Физулинском направлении", "Тертерского района".
        #expect(passage("Бои идут на Физулинском направлении.").tags.places == ["fuzuli"])
        #expect(passage("Обстреляны села Тертерского района.").tags.places == ["tartar"])
    }

    @Test func datesAreReadInEachLanguage() {
        #expect(passage("Бои начались 2 апреля 2016 года у села Талыш.").eventDates.map(\.iso) == ["2016-04-02"])
        #expect(passage("Переговоры прошли 3 апреля в Москве, заявили в МИД России.").eventDates.map(\.iso) == ["2016-04-03"])
        #expect(passage("ՍՏԵՓԱՆԱԿԵՐՏ, ապրիլի 2, ԱՐՄԵՆՊՐԵՍ։ Ադրբեջանը հրետակոծել է Թալիշը։").eventDates.map(\.iso) == ["2016-04-02"])
        #expect(passage("Bakı. 2 aprel. APA. Ermənistan silahlı qüvvələri Tərtəri atəşə tutub.").eventDates.map(\.iso) == ["2016-04-02"])
        // "may" is a month in Azerbaijani only.
        #expect(passage("Troops may 2 times retreat, the ministry said.").eventDates.isEmpty)
    }
}
