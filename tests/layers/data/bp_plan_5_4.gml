<?xml version="1.0" encoding="utf-8"?>
<!-- Hand-written for the tests in the XPlanGML 5.4 schema (a small Bebauungsplan in
     Auenstadt, EPSG:25833): one plan, one Bereich, three BP_BaugebietsTeilFlaeche (one
     with an arc), one BP_StrassenVerkehrsFlaeche. The schema location and one XLink point
     to the network; the import must read them without any network access. -->
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/4" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.xplanung.de/xplangml/5/4 http://repository.gdi-de.org/schemas/de.xleitstelle.xplanung/5.4/XPlanung-Operationen.xsd" gml:id="GML_auszug_bp">
  <gml:boundedBy>
    <gml:Envelope srsName="EPSG:25833">
      <gml:lowerCorner>316700 5690880</gml:lowerCorner>
      <gml:upperCorner>317000 5691000</gml:upperCorner>
    </gml:Envelope>
  </gml:boundedBy>
  <gml:featureMember>
    <xplan:BP_Plan gml:id="GML_bp_plan">
      <xplan:name>Bebauungsplan Nr. 42 "Am Auenbogen"</xplan:name>
      <xplan:nummer>42</xplan:nummer>
      <xplan:technHerstellDatum>2024-03-01</xplan:technHerstellDatum>
      <xplan:externeReferenz>
        <xplan:XP_SpezExterneReferenz>
          <xplan:referenzURL xlink:href="http://example.invalid/plan42.pdf">http://example.invalid/plan42.pdf</xplan:referenzURL>
          <xplan:typ>1020</xplan:typ>
        </xplan:XP_SpezExterneReferenz>
      </xplan:externeReferenz>
      <xplan:raeumlicherGeltungsbereich>
        <gml:Polygon gml:id="GML_bp_plan_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">316700 5690880 317000 5690880 317000 5691000 316700 5691000 316700 5690880</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:raeumlicherGeltungsbereich>
      <xplan:gemeinde>
        <xplan:XP_Gemeinde>
          <xplan:ags>14713000</xplan:ags>
          <xplan:gemeindeName>Auenstadt</xplan:gemeindeName>
        </xplan:XP_Gemeinde>
      </xplan:gemeinde>
      <xplan:planArt>1000</xplan:planArt>
      <xplan:rechtsstand>4000</xplan:rechtsstand>
      <xplan:aufstellungsbeschlussDatum>2021-06-15</xplan:aufstellungsbeschlussDatum>
      <xplan:satzungsbeschlussDatum>2023-11-20</xplan:satzungsbeschlussDatum>
      <xplan:inkrafttretensDatum>2024-02-01</xplan:inkrafttretensDatum>
      <xplan:bereich xlink:href="#GML_bp_bereich"/>
    </xplan:BP_Plan>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_Bereich gml:id="GML_bp_bereich">
      <xplan:nummer>0</xplan:nummer>
      <xplan:gehoertZuPlan xlink:href="#GML_bp_plan"/>
    </xplan:BP_Bereich>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_wa">
      <xplan:rechtsstand>1000</xplan:rechtsstand>
      <xplan:gehoertZuBereich xlink:href="#GML_bp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_wa_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">316700 5690900 316800 5690900 316800 5691000 316700 5691000 316700 5690900</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:GRZ>0.4</xplan:GRZ>
      <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1200</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_mi">
      <xplan:gehoertZuBereich xlink:href="#GML_bp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_mi_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">316800 5690900 316900 5690900 316900 5691000 316800 5691000 316800 5690900</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:allgArtDerBaulNutzung>2000</xplan:allgArtDerBaulNutzung>
      <xplan:besondereArtDerBaulNutzung>1500</xplan:besondereArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_BaugebietsTeilFlaeche gml:id="GML_g">
      <xplan:gehoertZuBereich xlink:href="#GML_bp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_g_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:Ring>
              <gml:curveMember>
                <gml:Curve gml:id="GML_g_curve">
                  <gml:segments>
                    <gml:LineStringSegment interpolation="linear">
                      <gml:posList srsDimension="2">316900 5691000 316900 5690900 317000 5690900</gml:posList>
                    </gml:LineStringSegment>
                    <gml:Arc interpolation="circularArc3Points" numArc="1">
                      <gml:posList srsDimension="2">317000 5690900 316985 5690985 316900 5691000</gml:posList>
                    </gml:Arc>
                  </gml:segments>
                </gml:Curve>
              </gml:curveMember>
            </gml:Ring>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
      <xplan:allgArtDerBaulNutzung>3000</xplan:allgArtDerBaulNutzung>
    </xplan:BP_BaugebietsTeilFlaeche>
  </gml:featureMember>
  <gml:featureMember>
    <xplan:BP_StrassenVerkehrsFlaeche gml:id="GML_strasse">
      <xplan:gehoertZuBereich xlink:href="#GML_bp_bereich"/>
      <xplan:rechtscharakter>1000</xplan:rechtscharakter>
      <xplan:position>
        <gml:Polygon gml:id="GML_strasse_geom" srsName="EPSG:25833">
          <gml:exterior>
            <gml:LinearRing>
              <gml:posList srsDimension="2">316700 5690880 317000 5690880 317000 5690900 316700 5690900 316700 5690880</gml:posList>
            </gml:LinearRing>
          </gml:exterior>
        </gml:Polygon>
      </xplan:position>
      <xplan:flaechenschluss>true</xplan:flaechenschluss>
    </xplan:BP_StrassenVerkehrsFlaeche>
  </gml:featureMember>
</xplan:XPlanAuszug>
