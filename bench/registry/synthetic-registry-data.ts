/**
 * Reference tables and name pools of the synthetic registry (synthetic-registry.ts), written as
 * compact text tables: entries separated by semicolons or lines, fields by spaces.
 */

/** Splits a text table: entries separated by semicolons, fields by spaces. */
export const table = (text: string) =>
  text
    .trim()
    .split(/;\s*/)
    .map((entry) => entry.split(/\s+/));

/**
 * Comuni of birth: ISTAT code, Belfiore code (Agenzia delle Entrate), weight. Tuscan comuni weigh
 * more, as in a Tuscan regional registry.
 */
export const comuni = table(`
  048017 D612 12 Firenze; 100005 G999 6 Prato; 050026 G702 4 Pisa; 049009 E625 4 Livorno; 051002 A390 3 Arezzo;
  046017 E715 3 Lucca; 047014 G713 3 Pistoia; 052032 I726 2 Siena; 053011 E202 2 Grosseto; 045010 F023 2 Massa;
  058091 H501 8 Roma; 015146 F205 6 Milano; 063049 F839 6 Napoli; 001272 L219 4 Torino; 037006 A944 3 Bologna;
  082053 G273 3 Palermo; 010025 D969 2 Genova; 072006 A662 2 Bari`).map(
  ([istatCode, belfiore, weight]) => [{ istatCode, belfiore }, Number(weight)] as const,
);

/**
 * States of birth: ISTAT code, Belfiore Z-code, name pool, weight among new arrivals without a
 * fiscal code (unaccompanied minors: Egypt, West Africa, Bangladesh, Tunisia lead), weight among
 * resident foreign children (Romania and Albania lead).
 */
export const countries = table(`
  419 Z336 egypt 20 5 Egitto; 436 Z330 maghreb 9 15 Marocco; 460 Z352 maghreb 7 5 Tunisia; 422 Z317 westAfrica 7 0 Gambia;
  450 Z343 westAfrica 5 0 Senegal; 425 Z319 westAfrica 6 0 Guinea; 404 Z313 westAfrica 5 0 Costa-d'Avorio;
  435 Z329 westAfrica 4 0 Mali; 443 Z335 westAfrica 3 5 Nigeria; 305 Z249 southAsia 9 5 Bangladesh;
  344 Z236 southAsia 6 5 Pakistan; 301 Z200 southAsia 4 0 Afghanistan; 201 Z100 albania 8 25 Albania;
  243 Z138 ukraine 8 10 Ucraina; 235 Z129 romania 4 25 Romania`).map(
  ([istatCode, belfiore, origin, arrivals, residents]) => ({
    istatCode,
    belfiore,
    origin,
    arrivals: Number(arrivals),
    residents: Number(residents),
  }),
);

/**
 * Names by origin, in the Latin spelling most used for each. The Italian lists are the most
 * frequent names of children born since 2008 (ISTAT), mixed at generation with faker's long tail.
 * "+male" adds the boys' names to the family names: Egyptian family names are mostly a father's
 * or grandfather's given name, which is what makes namesakes frequent among Egyptian minors.
 */
const namePoolsText = `
  italian male: Leonardo,Francesco,Alessandro,Lorenzo,Mattia,Andrea,Gabriele,Riccardo,Tommaso,Edoardo,Matteo,Giuseppe,Antonio,Federico,Diego,Davide,Christian,Nicolò,Giovanni,Samuele,Pietro,Marco,Luca,Filippo,Simone
  italian female: Sofia,Giulia,Aurora,Alice,Ginevra,Emma,Giorgia,Greta,Beatrice,Anna,Vittoria,Chiara,Ludovica,Matilde,Martina,Sara,Nicole,Gaia,Noemi,Rebecca,Francesca,Elisa,Camilla,Bianca,Maria
  italian family: Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti
  maghreb male: Mohamed,Youssef,Achraf,Hamza,Ayoub,Amine,Anas,Bilal,Hicham,Rachid,Oualid,Zakaria,Ismail,Mehdi,Omar,Soufiane,Ilyas,Adam,Yassine,Othmane,Khalid,Abdelilah,Badr,Nabil,Redouane,Tarik,Said,Karim,Aymane,Saad,Marouane,Houssam,Nizar,Wassim,Aziz,Reda,Mourad,Jawad,Noureddine
  maghreb female: Fatima,Aicha,Khadija,Salma,Meryem,Imane,Chaima,Nour,Hiba,Yasmine,Zineb,Malak,Rania,Ikram,Hajar,Oumaima,Sara,Nada,Asmae,Kawtar,Siham,Hanane
  maghreb family: El Amrani,Benali,Bouzid,Chahid,El Idrissi,Haddad,Mansouri,Tahiri,Alaoui,Ben Salah,Trabelsi,Jaziri,Gharbi,Hamdi,Ayari,Mejri,Bennani,Berrada,Cherkaoui,El Fassi,Lahlou,Ouazzani,Rahmouni,Tazi,Ziani,Benjelloun,El Khatib,Moussaoui,Boukhari,Belhaj,Saidi,Jlassi,Dridi,Mabrouk,Chaabane,Ben Ammar,Khelifi,Zouari,Hammami,Sassi
  egypt male: Mohamed,Ahmed,Mahmoud,Mostafa,Youssef,Omar,Abdelrahman,Karim,Hassan,Hussein,Ibrahim,Gamal,Ali,Amr,Khaled,Tarek,Ziad,Eslam,Hazem,Walid,Sherif,Ayman,Hany,Ashraf,Sameh,Adel,Osama,Yehia,Saif,Marwan,Abdallah,Hamdy,Ragab,Essam,Fathy,Magdy
  egypt female: Fatma,Mariam,Nour,Aya,Salma,Habiba,Menna,Shahd,Rana,Yasmin,Hagar,Esraa,Doaa,Mai,Nada,Reem,Heba,Amira
  egypt family: +male,Abdelaziz,Elsayed,Farouk,Soliman,Shehata,Gomaa,Osman,Abdelhamid,Abdelfattah,Elsherif,Mansour,Fawzy,Hegazy,Zaki,Saad,Shaaban,Attia,Helmy,Khalil,Morsy,Nasser,Radwan,Salem,Sabry,Taha,Zidan,Badawy
  westAfrica male: Mamadou,Ibrahima,Ousmane,Abdoulaye,Moussa,Lamin,Alieu,Ebrima,Modou,Sekou,Amadou,Bakary,Chinedu,Emeka,Samuel,Musa,Alpha,Boubacar,Mohamed,Souleymane,Cheikh,Babacar,Omar,Seydou,Yaya,Adama,Lansana,Fode,Kalilou,Idrissa,Oumar,Godwin,Kelvin,Daniel,Emmanuel,Joseph
  westAfrica female: Fatoumata,Aminata,Mariama,Awa,Kadiatou,Blessing,Precious,Mercy,Isatou,Binta,Aissatou,Hawa,Ramatoulaye,Oumou,Nene,Fanta,Favour,Joy,Esther
  westAfrica family: Diallo,Jallow,Bah,Barry,Sow,Camara,Conteh,Ceesay,Touray,Keita,Traore,Coulibaly,Kone,Sylla,Ndiaye,Diop,Okafor,Okonkwo,Adeyemi,Eze,Obi,Balde,Bangura,Cisse,Conde,Darboe,Dembele,Fofana,Jammeh,Kante,Njie,Sanneh,Sidibe,Sissoko,Soumah,Tounkara,Osagie,Igbinosa,Ogbonna
  southAsia male: Mohammad,Rahim,Hasan,Hossain,Rakib,Sakib,Shakil,Sabbir,Arif,Imran,Bilal,Usman,Zeeshan,Ali,Hamza,Ahmad,Sami,Abdul,Rafiq,Tanvir,Mehedi,Riyad,Fahim,Nayeem,Sohel,Rubel,Faisal,Asad,Waqas,Kamran,Adnan,Junaid,Naveed,Shahid,Noorullah,Zabihullah
  southAsia female: Fatema,Ayesha,Nusrat,Sadia,Sumaiya,Maryam,Zainab,Hira,Sharmin,Taslima,Farzana,Nasrin,Sana,Iqra,Mahnoor,Parwana
  southAsia family: Rahman,Hossain,Islam,Ahmed,Akter,Uddin,Khan,Chowdhury,Miah,Sheikh,Hussain,Shah,Malik,Butt,Qureshi,Ahmadzai,Rahimi,Noori,Alam,Bhuiyan,Biswas,Haque,Kabir,Karim,Mahmud,Molla,Sarkar,Talukder,Akhtar,Anwar,Bashir,Iqbal,Javed,Raza,Siddiqui,Hakimi,Karimi,Popal,Safi,Stanikzai
  albania male: Arber,Ardit,Klajdi,Erion,Endri,Kevin,Arlind,Besmir,Denis,Enea,Gerti,Jurgen,Leart,Albi,Ervis,Fatjon,Kristi,Marvin,Olsi,Redi,Rei,Sidrit,Xhoni,Alban,Bledar,Dorian,Elton,Florian
  albania female: Ana,Anxhela,Xhesika,Erisa,Klea,Sara,Megi,Ajola,Elona,Kejsi,Ambra,Amelia,Dea,Ela,Era,Esi,Jonida,Klara,Livia,Sidorela
  albania family: Hoxha,Shehu,Leka,Gjoka,Dervishi,Kola,Marku,Prifti,Kodra,Basha,Cela,Mema,Rama,Hasani,Duka,Berisha,Gjini,Hysa,Kaja,Kurti,Lika,Meta,Muca,Nika,Pepa,Qose,Shkurti,Topalli,Xhafa,Zeqiri,Bregu,Cani
  romania male: Andrei,Alexandru,Ionut,Stefan,Mihai,Gabriel,Cristian,Florin,Darius,David,Matei,Rares,Adrian,Bogdan,Catalin,Constantin,Denis,Eduard,George,Ion,Marian,Nicolae,Razvan,Sebastian,Tudor,Vlad
  romania female: Maria,Ioana,Andreea,Elena,Alexandra,Bianca,Denisa,Daria,Larisa,Alina,Ana,Diana,Gabriela,Irina,Mihaela,Roxana,Simona,Teodora,Cristina,Raluca
  romania family: Popescu,Ionescu,Popa,Pop,Dumitru,Stan,Stoica,Gheorghe,Ciobanu,Rusu,Munteanu,Constantin,Marin,Moldovan,Radu,Tudor,Florea,Dinu,Stanciu,Lungu,Barbu,Matei,Nistor,Oprea,Dobre,Neagu,Sandu,Toma,Ursu,Cristea,Enache,Ilie,Lazar,Mocanu,Vasile
  ukraine male: Oleksandr,Dmytro,Maksym,Andrii,Artem,Danylo,Bohdan,Serhii,Ivan,Mykola,Yurii,Vladyslav,Denys,Mykhailo,Nazar,Oleh,Pavlo,Roman,Taras,Vitalii,Yaroslav,Kyrylo,Illia,Matvii,Tymofii,Yehor
  ukraine female: Anastasiia,Sofiia,Mariia,Daria,Viktoriia,Yuliia,Kateryna,Olena,Polina,Anna,Alina,Diana,Iryna,Khrystyna,Oksana,Solomiia,Tetiana,Veronika,Yana,Zlata
  ukraine family: Melnyk,Shevchenko,Bondarenko,Kovalenko,Boyko,Tkachenko,Kravchenko,Kovalchuk,Oliinyk,Shevchuk,Lysenko,Marchenko,Rudenko,Savchenko,Petrenko,Klymenko,Pavlenko,Moroz,Koval,Lytvynenko,Ponomarenko,Kravets,Polishchuk,Tkachuk,Hnatiuk,Zinchenko,Vasylenko,Sydorenko,Romaniuk,Karpenko,Bilyk,Kuzmenko`;
export type NamePool = { male: string[]; female: string[]; family: string[] };
const namePools = new Map<string, NamePool>();
for (const line of namePoolsText.trim().split("\n")) {
  const [, origin, list, names] = /^\s*(\w+) (male|female|family): (.+)$/.exec(line) ?? [];
  const pool = namePools.get(origin) ?? { male: [], female: [], family: [] };
  pool[list as keyof NamePool] = names.split(",").flatMap((name) => (name === "+male" ? pool.male : [name]));
  namePools.set(origin, pool);
}
export const poolOf = (origin: string): NamePool =>
  namePools.get(origin) ?? (namePools.get("italian") as NamePool);

/** Spellings of the same name by different offices, or with and without a particle or accent. */
const spellingVariantsText = `
  Mohamed:Mohammed,Muhammad,Mohammad,Mohamad; Mohammad:Mohammed,Muhammad,Mohamed; Youssef:Yousef,Yusuf,Youssouf;
  Achraf:Ashraf; Hicham:Hisham; Rachid:Rashid; Oualid:Walid; Zakaria:Zakariya,Zacharia; Ismail:Ismael,Esmail;
  Mehdi:Mahdi; Omar:Umar; Ilyas:Elias,Ilias; Soufiane:Sofiane,Sufian; Aicha:Aisha,Aysha; Ayesha:Aisha;
  Fatima:Fatma,Fatimah; Fatma:Fatima; Fatema:Fatima; Khadija:Khadidja,Kadija; Meryem:Mariam,Maryam;
  Mariam:Maryam,Meryem; Chaima:Shaima; Yasmine:Yasmin,Jasmine; Ahmed:Ahmad,Ahmet; Ahmad:Ahmed; Mahmoud:Mahmud;
  Mostafa:Mustafa,Moustapha; Abdelrahman:Abdul Rahman,Abderrahmane; Hassan:Hasan; Hasan:Hassan;
  Hussein:Husain,Hossein,Hussain; Hossain:Hussain,Hosain; Ibrahim:Ibrahima,Ebrahim; Khaled:Khalid;
  Tarek:Tariq,Tarik; Gamal:Jamal; Mamadou:Mamadu; Ousmane:Usman,Osman; Usman:Osman,Ousmane;
  Abdoulaye:Abdulai,Abdoulay; Moussa:Musa; Musa:Moussa; Lamin:Lamine; Alieu:Aliou; Amadou:Amadu,Ahmadou;
  Bakary:Bakari; Fatoumata:Fatumata; Kadiatou:Kadiatu,Khadiatou; Isatou:Isatu; Diallo:Jallow,Djalo; Jallow:Diallo;
  Traore:Traoré; Kone:Koné; Ceesay:Cissé,Sise; Touray:Touré; Camara:Kamara; Conteh:Konte; Ndiaye:N'Diaye;
  Rakib:Raqib; Sakib:Shakib; Shakil:Shakeel; Zeeshan:Zishan; Sheikh:Shaikh,Sheik; Chowdhury:Choudhury;
  Hussain:Husain,Hossain; Qureshi:Kureshi; Noori:Nuri; Oleksandr:Olexandr,Aleksandr; Dmytro:Dmitro,Dmitriy;
  Maksym:Maxim,Maksim; Andrii:Andriy,Andrey; Danylo:Danilo; Bohdan:Bogdan; Serhii:Serhiy,Sergii; Mykola:Mikola;
  Yurii:Yuriy,Iurii; Vladyslav:Vladislav; Denys:Denis; Anastasiia:Anastasia,Anastasiya; Sofiia:Sofia,Sofiya;
  Mariia:Maria,Mariya; Viktoriia:Viktoriya,Victoria; Yuliia:Yulia,Iuliia; Kateryna:Katerina; Shevchenko:Ševčenko;
  Kovalchuk:Kovaltchuk; Oliinyk:Oliynyk,Oleinik; Melnyk:Melnik; Ionut:Ionuț; Stefan:Ștefan; Hoxha:Hoxa,Hodja;
  Klajdi:Klaidi; Anxhela:Angela; Xhesika:Jessica; Shehu:Sheu; El Amrani:Elamrani,Amrani;
  El Idrissi:Idrissi,Elidrissi; Ben Salah:Bensalah; De Luca:Deluca; Nicolò:Nicolo,Niccolò;
  Yassine:Yassin,Yacine; Khalid:Khaled; Redouane:Redwan,Ridouane; Said:Saeed,Saïd; Marouane:Marwan;
  Houssam:Hossam; Noureddine:Nour Eddine,Nourdine; Ikram:Ikrame; Oumaima:Omaima; Asmae:Asmaa; Kawtar:Kaoutar,Kawthar;
  Ziad:Zyad; Eslam:Islam; Sherif:Cherif,Shereef; Osama:Oussama,Usama; Yehia:Yahya,Yahia; Saif:Seif,Sayf; Hamdy:Hamdi;
  Fathy:Fathi; Magdy:Magdi; Esraa:Israa; Doaa:Douaa; Hagar:Hajar; Alpha:Alfa; Boubacar:Abubakar,Bubacarr;
  Souleymane:Sulayman,Suleiman; Cheikh:Cheick,Sheikh; Seydou:Seidou; Fode:Fodé; Oumar:Omar; Aissatou:Aishatu,Aïssatou;
  Ramatoulaye:Ramatulai; Bangura:Bangoura; Cisse:Cissé; Conde:Condé; Fofana:Fofanah; Sidibe:Sidibé; Rafiq:Rafik,Rafique;
  Mehedi:Mehdi; Riyad:Riad,Reyad; Fahim:Faheem; Nayeem:Naim; Naveed:Navid; Noorullah:Nurullah; Zabihullah:Zabiullah;
  Haque:Hoque,Huq; Bhuiyan:Bhuiya,Bhuyan; Mahmud:Mahmood; Talukder:Talukdar; Siddiqui:Siddiki; Xhoni:Joni;
  Mykhailo:Mikhail,Mychajlo; Oleh:Oleg; Illia:Ilya,Illya; Yehor:Egor; Vitalii:Vitaliy; Khrystyna:Kristina,Khristina;
  Tetiana:Tatiana,Tetyana; Solomiia:Solomiya; Hnatiuk:Gnatiuk; Lytvynenko:Litvinenko; Kyrylo:Kirill; Yaroslav:Iaroslav`;
export const spellingVariants: ReadonlyMap<string, readonly string[]> = new Map(
  spellingVariantsText
    .trim()
    .split(/;\s*/)
    .map((entry) => {
      const [name, variants] = entry.split(":");
      return [name, variants.split(",")];
    }),
);
