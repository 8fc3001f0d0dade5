/**
 * Demo zones (zone distretto) of Toscana, for a fresh installation and for tests: demo data, not
 * official. Names follow the Tuscan zone-distretto; the composition is the best available
 * reconstruction and keeps some zones split (Grossetana-Colline Metallifere and Amiata Grossetana)
 * or merged (Aretina-Casentino-Valtiberina) differently from the regional act in force. Zones are
 * configurable by the Region: the real table is loaded by the Region, not taken from here.
 * Every Tuscan comune (region 09) of comuni.generated.json is in exactly one zone.
 */
export interface DemoZone {
  code: string;
  name: string;
  /** ISTAT comune codes. */
  comuni: readonly string[];
}

/** Comuni are listed as space-separated ISTAT codes, to keep the table readable. */
function zone(code: string, name: string, comuni: string): DemoZone {
  return { code, name, comuni: comuni.split(" ") };
}

export const demoZones: readonly DemoZone[] = [
  zone("firenze", "Firenze", "048017"),
  zone(
    "fiorentina-nord-ovest",
    "Fiorentina Nord-Ovest",
    "048005 048006 048015 048024 048041 048043 048044 048046",
  ),
  zone(
    "fiorentina-sud-est",
    "Fiorentina Sud-Est",
    "048001 048021 048022 048025 048032 048033 048035 048036 048037 048038 048039 048052" + " " + "048054",
  ),
  zone("mugello", "Mugello", "048002 048004 048013 048018 048026 048031 048049 048053"),
  zone(
    "empolese-valdarno-valdelsa",
    "Empolese Valdarno Valdelsa",
    "048008 048010 048011 048012 048014 048019 048020 048027 048028 048030 048050 050009" +
      " " +
      "050022 050032 050033 050035",
  ),
  zone("pratese", "Pratese", "100001 100002 100003 100004 100005 100006 100007"),
  zone("pistoiese", "Pistoiese", "047002 047007 047010 047014 047017 047018 047020 047023 047024"),
  zone(
    "val-di-nievole",
    "Val di Nievole",
    "047003 047005 047006 047008 047009 047011 047012 047013 047016 047021 047022",
  ),
  zone(
    "lunigiana",
    "Lunigiana",
    "045001 045002 045004 045005 045006 045007 045008 045009 045012 045013 045014 045015" +
      " " +
      "045016 045017",
  ),
  zone("apuane", "Apuane", "045003 045010 045011"),
  zone(
    "valle-del-serchio",
    "Valle del Serchio",
    "046002 046003 046004 046006 046008 046009 046010 046011 046014 046015 046019 046020" +
      " " +
      "046023 046025 046027 046031 046035 046036 046037",
  ),
  zone("piana-di-lucca", "Piana di Lucca", "046001 046007 046017 046021 046022 046026 046034"),
  zone("versilia", "Versilia", "046005 046013 046018 046024 046028 046030 046033"),
  zone("pisana", "Pisana", "050003 050008 050014 050023 050026 050031 050037 050038 050041"),
  zone(
    "alta-val-di-cecina-valdera",
    "Alta Val di Cecina-Valdera",
    "050001 050002 050004 050005 050011 050012 050016 050019 050021 050024 050025 050027" +
      " " +
      "050028 050029 050036 050039 050040",
  ),
  zone(
    "bassa-val-di-cecina-val-di-cornia",
    "Bassa Val di Cecina-Val di Cornia",
    "049001 049002 049006 049007 049012 049017 049018 049019 049020 050006 050010 050015" +
      " " +
      "050020 050030 050034",
  ),
  zone("livornese", "Livornese", "049005 049008 049009"),
  zone("elba", "Elba", "049003 049004 049010 049011 049013 049014 049021"),
  zone("alta-val-d-elsa", "Alta Val d'Elsa", "052004 052012 052022 052025 052028"),
  zone(
    "senese",
    "Senese",
    "052002 052003 052005 052006 052010 052013 052016 052017 052018 052019 052023 052026" +
      " " +
      "052032 052034 052037",
  ),
  zone(
    "amiata-senese-val-d-orcia-valdichiana-senese",
    "Amiata Senese e Val d'Orcia-Valdichiana Senese",
    "052001 052007 052008 052009 052011 052015 052020 052021 052024 052027 052030 052031" +
      " " +
      "052033 052035 052036",
  ),
  zone(
    "aretina-casentino-valtiberina",
    "Aretina-Casentino-Valtiberina",
    "051001 051002 051003 051004 051006 051007 051008 051010 051011 051014 051015 051016" +
      " " +
      "051023 051024 051025 051027 051030 051031 051034 051035 051037 051038 051041",
  ),
  zone("valdarno", "Valdarno", "051005 051013 051020 051026 051033 051039 051040 051042"),
  zone("valdichiana-aretina", "Valdichiana Aretina", "051012 051017 051018 051021 051022"),
  zone(
    "grossetana-colline-metallifere",
    "Grossetana-Colline Metallifere",
    "053002 053006 053008 053009 053010 053011 053015 053017 053021 053023 053024 053027",
  ),
  zone("amiata-grossetana", "Amiata Grossetana", "053001 053004 053005 053007 053020 053022 053025 053028"),
  zone(
    "colline-dell-albegna",
    "Colline dell'Albegna",
    "053003 053012 053013 053014 053016 053018 053019 053026",
  ),
];
