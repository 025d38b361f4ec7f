<?xml version="1.0" encoding="UTF-8"?>
<!-- Hand-written for the tests in the XPlanGML 6.0 schema (a small Flächennutzungsplan of
     Auenstadt, EPSG:25833): one plan, one Bereich, three FP_BebauungsFlaeche (codes from
     allgArtDerBaulNutzung, one also with besondereArtDerBaulNutzung), one FP_Gewaesser. -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/6/0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.xplanung.de/xplangml/6/0 https://repository.gdi-de.org/schemas/de.xleitstelle.xplanung/6.0/XPlanung-Operationen.xsd" gml:id="GML_auszug_fp">
  <gml:boundedBy>
    <gml:Envelope srsName="EPSG:25833">
      <gml:lowerCorner>315800 5690000</gml:lowerCorner>
      <gml:upperCorner>317800 5691800</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <gml:featureMember>
    <xplan:FP_Plan gml:id="GML_fp_plan">
      <xplan:name>Flächennutzungsplan Auenstadt</xplan:name>
      <xplan:raeumlicherGeltungsbereich>
        <gml:MultiSurface gml:id="GML_fp_plan_geom" srsName="EPSG:25833">
          <gml:surfaceMember>
            <gml:Polygon gml:id="GML_fp_plan_poly">
              <gml:exterior>
                <gml:LinearRing>
                  <gml:posList srsDimension="2">315800 5690000 317800 5690000 317800 5691800 315800 5691800 315800 5690000</gml:posList>
                </gml:LinearRing>
              </gml:exterior>
            </gml:Polygon>
          </gml:surfaceMember>
        </gml:MultiSurface>
      </xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde>
        <xplan:XP_Gemeinde>
          <xplan:ags>14713000</xplan:ags>
          <xplan:gemeindeName>Auenstadt</xplan:gemeindeName>
        </xplan:XP_Gemeinde>
      </xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:aufstellungsbeschlussDatum>2015-04-01</xplan:aufstellungsbeschlussDatum>
      <xplan:planbeschlussDatum>2018-09-12</xplan:planbeschlussDatum>
      <xplan:wirksamkeitsDatum>2019-01-10</xplan:wirksamkeitsDatum>
      <xplan:bereich xlink:href="#GML_fp_bereich"/>
    </xplan:FP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:FP_Bereich gml:id="GML_fp_bereich">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_fp_plan"/>
    </xplan:FP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:FP_BebauungsFlaeche gml:id="GML_fp_w">
      <xplan:gehoertZuBereich xlink:href="#GML_fp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_fp_w_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">315800 5690000 316800 5690000 316800 5691000 315800 5691000 315800 5690000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
    </xplan:FP_BebauungsFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:FP_BebauungsFlaeche gml:id="GML_fp_mu">
      <xplan:gehoertZuBereich xlink:href="#GML_fp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_fp_mu_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">316800 5690000 317800 5690000 317800 5691000 316800 5691000 316800 5690000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:allgArtDerBaulNutzung>2000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1550</xplan:besondereArtDerBaulNutzung>
    </xplan:FP_BebauungsFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:FP_BebauungsFlaeche gml:id="GML_fp_g">
      <xplan:gehoertZuBereich xlink:href="#GML_fp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_fp_g_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">315800 5691000 317800 5691000 317800 5691800 315800 5691800 315800 5691000</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:allgArtDerBaulNutzung>3000</xplan:allgArtDerBaulNutzung>
    </xplan:FP_BebauungsFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:FP_Gewaesser gml:id="GML_fp_wasser">
      <xplan:gehoertZuBereich xlink:href="#GML_fp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:LineString gml:id="GML_fp_wasser_geom" srsName="EPSG:25833">
          <gml:posList srsDimension="2">315800 5690500 317800 5690600</gml:posList>
        </gml:LineString>
      </xplan:position>
      <xplan:flaechenschluss>false</xplan:flaechenschluss>
    </xplan:FP_Gewaesser>
  </gml:featureMember>
</xplan:XPlanAuszug>
