import CreativeCities

/// The page planners use at `/`: one self-contained HTML file (styles and script inline, no
/// fonts, scripts or images from elsewhere, so it works offline) over the JSON API. A
/// search box suggests cities as one types (an ARIA combobox: arrow keys, Enter, Escape);
/// then the city's standing, the suggested partners with their reasons and filters (field,
/// region, country, goal, top), a what-if per suggestion and for any city, the city's map
/// inline (each city focusable, with its tooltip), and links to the full report and the
/// CSV downloads. Laid out for screens from 390 pixels wide up.
enum WebPage {
    static let html: String =
        template
        .replacingOccurrences(
            of: "__FIELDS__",
            with: CreativeField.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        )
        .replacingOccurrences(
            of: "__REGIONS__",
            with: UNESCORegion.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined()
        )

    private static let template = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Partner cities · UNESCO Creative Cities Network</title>
        <style>
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#fafafa}
        header,main,footer{max-width:980px;margin:0 auto;padding:0 16px}
        header{padding-top:16px}
        h1{font-size:1.45rem;margin:.2em 0}
        h2{font-size:1.2rem;margin:1.2em 0 .4em}
        h3{font-size:1rem;margin:.2em 0}
        p,li,td,th,label{overflow-wrap:anywhere}
        a{color:#0b57a4}
        a:focus,button:focus,input:focus,select:focus,[tabindex]:focus{outline:3px solid #e69f00;outline-offset:2px}
        h2[tabindex="-1"]:focus{outline:none}
        .lead{color:#444;margin:.2em 0 1em}
        .search{position:relative;max-width:560px}
        .search label{display:block;font-weight:600;margin-bottom:4px}
        .row{display:flex;gap:8px}
        input,select,button{font:inherit;min-height:44px}
        input[type=text],input[type=search],input[type=number],select{border:1px solid #888;border-radius:6px;padding:6px 10px;background:#fff;min-width:0}
        .row input{flex:1}
        button{border:1px solid #0b57a4;background:#0b57a4;color:#fff;border-radius:6px;padding:6px 14px;cursor:pointer}
        button.secondary{background:#fff;color:#0b57a4}
        #city-options{position:absolute;z-index:5;left:0;right:0;margin:2px 0 0;padding:0;list-style:none;background:#fff;border:1px solid #888;border-radius:6px;max-height:320px;overflow-y:auto;box-shadow:0 4px 14px rgba(0,0,0,.15)}
        #city-options[hidden]{display:none}
        #city-options li{padding:8px 10px;cursor:pointer;border-bottom:1px solid #eee}
        #city-options li[aria-selected=true],#city-options li:hover{background:#e8f0fb}
        #city-options small,.muted{color:#555}
        .card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 14px;margin:10px 0}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eee;vertical-align:top}
        td.num,th.num{text-align:right;white-space:nowrap}
        .filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;align-items:end}
        .filters label{display:flex;flex-direction:column;font-size:.9rem;font-weight:600;gap:2px}
        .filters select,.filters input{width:100%}
        #suggestions{padding-left:0;list-style:none;margin:0}
        #suggestions>li{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 12px;margin:8px 0}
        .head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline}
        .score{font-weight:700}
        .badge{font-size:.8rem;border-radius:10px;padding:1px 8px;background:#eee}
        .badge.proposed{background:#fde9c8}
        .reasons{margin:.3em 0;padding-left:1.2em}
        .whatif-result{margin-top:6px}
        .up{color:#0a6b2d}.down{color:#a3281a}
        #map-box svg{width:100%;height:auto;max-height:85vh;display:block}
        #map-box{background:#fff;border:1px solid #ddd;border-radius:8px;padding:4px;position:relative}
        #map-tip{position:absolute;z-index:4;max-width:260px;background:#1b1b1b;color:#fff;font-size:.85rem;padding:6px 8px;border-radius:6px;pointer-events:none;white-space:pre-line}
        #map-tip[hidden]{display:none}
        .downloads{display:flex;flex-wrap:wrap;gap:8px 16px;padding:0;list-style:none}
        #status{min-height:1.4em}
        .error{color:#a3281a;font-weight:600}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        footer{color:#555;font-size:.85rem;padding-bottom:24px}
        @media (max-width:480px){body{font-size:15px}h1{font-size:1.25rem}.card,#suggestions>li{padding:8px}}
        @media (min-width:1100px){header,main,footer{max-width:1240px}
        main{display:grid;grid-template-columns:minmax(320px,400px) minmax(0,1fr);column-gap:24px;align-items:start}
        #search-form,#status,#map-section,#downloads-section{grid-column:1/-1}
        #standing-section{grid-column:1}#partners-section{grid-column:2}}
        </style>
        </head>
        <body>
        <header>
        <h1>Partner cities in the UNESCO Creative Cities Network</h1>
        <p class="lead">Type your city, see where it stands, whom to approach and why, and what a new link would change.</p>
        </header>
        <main>
        <form id="search-form" class="search" role="search" autocomplete="off">
        <label for="city-input">City</label>
        <div class="row">
        <input id="city-input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="city-options" aria-describedby="city-help" placeholder="e.g. ha noi, Kobe, Granada, Spain" spellcheck="false">
        <button type="submit">Show</button>
        </div>
        <p id="city-help" class="muted">Names in any case, with or without accents. Use the arrow keys to choose a suggestion and Enter to open it.</p>
        <ul id="city-options" role="listbox" aria-label="Matching cities" hidden></ul>
        </form>
        <p id="status" role="status" aria-live="polite"></p>

        <section id="standing-section" aria-labelledby="standing-title" hidden>
        <h2 id="standing-title" tabindex="-1">Where the city stands</h2>
        <div id="standing" class="card"></div>
        </section>

        <section id="partners-section" aria-labelledby="partners-title" hidden>
        <h2 id="partners-title">Suggested partners</h2>
        <form id="filters" class="filters card" aria-label="Filter suggested partners">
        <label>Field<select id="f-field" name="field"><option value="">Any field</option>__FIELDS__</select></label>
        <label>Region<select id="f-region" name="region"><option value="">Any region</option>__REGIONS__</select></label>
        <label>Country<input id="f-country" name="country" type="text" placeholder="any (e.g. Japan, JP)"></label>
        <label>Goal<select id="f-goal" name="goal"><option value="cooperation">Cooperation</option><option value="twinning">Twinning</option></select></label>
        <label>How many<input id="f-top" name="top" type="number" min="1" max="50" value="10"></label>
        <button type="submit">Apply filters</button>
        </form>
        <p id="partners-summary"></p>
        <ol id="suggestions" aria-label="Suggested partners, best first"></ol>
        <div class="card">
        <h3 id="free-whatif-title">What if we linked with another city?</h3>
        <form id="free-whatif" class="row" aria-labelledby="free-whatif-title">
        <label for="free-whatif-input" class="visually-hidden">City to link with</label>
        <input id="free-whatif-input" type="text" placeholder="e.g. Kobe">
        <button type="submit">What if?</button>
        </form>
        <div id="free-whatif-result" class="whatif-result" aria-live="polite"></div>
        </div>
        </section>

        <section id="map-section" aria-labelledby="map-title" hidden>
        <h2 id="map-title">Map</h2>
        <p class="muted" id="map-caption">The city, its partners and its five best suggested partners (green dashes). Point at or tab to a city for its details.</p>
        <div id="map-box"><div id="map-tip" role="tooltip" hidden></div></div>
        </section>

        <section id="downloads-section" aria-labelledby="downloads-title" hidden>
        <h2 id="downloads-title">Full report and downloads</h2>
        <ul class="downloads" id="downloads"></ul>
        </section>
        </main>
        <footer><p>Data: the bundled UNESCO Creative Cities dataset. Every number is defined in the full report's methods section. API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></footer>
        <script>
        "use strict";
        (function(){
        const $=id=>document.getElementById(id);
        const input=$("city-input"),list=$("city-options"),statusLine=$("status");
        let options=[],active=-1,current=null,typing=0;
        function esc(s){return String(s).replace(/[&<>"']/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;","\"":"&quot;","'":"&#39;"})[c]);}
        function say(text,isError){statusLine.textContent=text;statusLine.className=isError?"error":"";}
        async function getJSON(url,init){
          const r=await fetch(url,init);
          const body=await r.json().catch(()=>null);
          if(!r.ok){
            const e=body&&body.error;let msg=e?e.message:("request failed ("+r.status+")");
            const alt=e&&(e.candidates||e.suggestions);
            if(alt&&alt.length)msg+=" Try: "+alt.map(c=>c.name+" ("+c.country+")").join(", ")+".";
            throw new Error(msg);
          }
          return body;
        }
        function closeList(){list.hidden=true;input.setAttribute("aria-expanded","false");input.removeAttribute("aria-activedescendant");active=-1;}
        function showOptions(matches){
          options=matches;active=-1;
          list.innerHTML=matches.map((c,i)=>'<li role="option" id="opt-'+i+'" aria-selected="false" data-i="'+i+'">'+esc(c.name)+' <small>'+esc(c.country)+' · '+esc(c.field)+(c.year?' · '+c.year:'')+'</small></li>').join("");
          list.hidden=matches.length===0;input.setAttribute("aria-expanded",matches.length?"true":"false");
        }
        function highlight(i){
          const items=list.querySelectorAll("li");
          items.forEach((li,j)=>li.setAttribute("aria-selected",j===i?"true":"false"));
          active=i;
          if(i>=0&&items[i]){input.setAttribute("aria-activedescendant",items[i].id);items[i].scrollIntoView({block:"nearest"});}
        }
        input.addEventListener("input",()=>{
          const q=input.value.trim();const ticket=++typing;
          if(!q){closeList();return;}
          getJSON("/api/v1/cities?limit=8&q="+encodeURIComponent(q)).then(r=>{if(ticket===typing)showOptions(r.matches);}).catch(e=>say(e.message,true));
        });
        input.addEventListener("keydown",e=>{
          if(list.hidden)return;
          if(e.key==="ArrowDown"){e.preventDefault();highlight(Math.min(options.length-1,active+1));}
          else if(e.key==="ArrowUp"){e.preventDefault();highlight(Math.max(0,active-1));}
          else if(e.key==="Escape"){closeList();}
          else if(e.key==="Enter"&&active>=0){e.preventDefault();choose(options[active]);}
        });
        list.addEventListener("mousedown",e=>{const li=e.target.closest("li");if(li){e.preventDefault();choose(options[+li.dataset.i]);}});
        input.addEventListener("blur",()=>setTimeout(closeList,150));
        $("search-form").addEventListener("submit",e=>{
          e.preventDefault();const q=input.value.trim();if(!q)return;
          if(!list.hidden&&active>=0){choose(options[active]);return;}
          openCity(q);
        });
        function choose(c){input.value=c.name;closeList();openCity(c.id);}
        async function openCity(idOrName){
          say("Loading…");
          try{
            const d=await getJSON("/api/v1/cities/"+encodeURIComponent(idOrName));
            current=d.city;history.replaceState(null,"","#"+current.id);input.value=current.name;
            renderStanding(d);say(d.city.name+" ("+d.city.country+") loaded.");
            $("standing-title").focus();
            loadPartners();loadMap();renderDownloads();
          }catch(e){say(e.message,true);}
        }
        function rankText(rank,n){return rank+" of "+n;}
        function renderStanding(d){
          const c=d.city,n=d.cityCount;
          $("standing-title").textContent="Where "+c.name+" stands";
          const linked=d.links.filter(l=>l.kind==="sister-city"||l.kind==="partnership"),coop=d.links.filter(l=>l.kind==="cooperation"),proposed=d.links.filter(l=>l.kind==="proposed"||l.kind==="planned");
          let h='<p><strong>'+esc(c.name)+'</strong> ('+esc(c.country)+') is a UNESCO Creative City of '+esc(c.field)+(c.year?' since '+c.year:'')+', in '+esc(c.region)+'. It has '+linked.length+' sister-city or partnership link'+(linked.length===1?'':'s')+(coop.length?', '+coop.length+' documented cooperation':'')+(proposed.length?' and '+proposed.length+' proposed or planned':'')+'.</p>';
          h+='<table><caption class="visually-hidden">Measures of '+esc(c.name)+' among '+n+' member cities</caption><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Rank</th></tr></thead><tbody>';
          for(const m of d.measures){h+='<tr><th scope="row" title="'+esc(m.meaning)+'">'+esc(m.title)+'</th><td class="num">'+fmt(m.value)+'</td><td class="num">'+rankText(m.rank,n)+'</td></tr>';}
          h+='</tbody></table><p class="muted">Rank 1 is the highest value; tied cities share a rank.</p>';
          if(d.links.length){h+='<h3>Links</h3><p>'+d.links.map(l=>esc(l.city.name)+' ('+esc(l.kind)+(l.year?', '+l.year:'')+')').join(", ")+'.</p>';}
          $("standing").innerHTML=h;$("standing-section").hidden=false;
        }
        function fmt(x){if(Number.isInteger(x))return String(x);return Math.abs(x)>=100?x.toFixed(1):x.toFixed(4);}
        function filterQuery(){
          const p=new URLSearchParams();
          for(const k of ["field","region","country","goal"]){const v=$("f-"+k).value.trim();if(v)p.set(k,v);}
          const top=$("f-top").value.trim();if(top)p.set("top",top);
          return p.toString();
        }
        $("filters").addEventListener("submit",e=>{e.preventDefault();loadPartners();});
        async function loadPartners(){
          if(!current)return;
          const ol=$("suggestions");$("partners-section").hidden=false;$("partners-summary").textContent="Loading suggestions…";
          try{
            const d=await getJSON("/api/v1/cities/"+current.id+"/partners?"+filterQuery());
            const f=[d.filters.field,d.filters.region,d.filters.country].filter(Boolean);
            $("partners-summary").textContent=d.suggestions.length+" of "+d.candidateCount+" candidates"+(f.length?" ("+f.join(", ")+")":"")+", best first. Existing partners: "+(d.existingPartners.map(p=>p.name).join(", ")||"none known")+".";
            ol.innerHTML=d.suggestions.map(s=>{
              const c=s.city;
              return '<li data-city="'+esc(c.id)+'"><div class="head"><h3>'+s.rank+'. '+esc(c.name)+'</h3><span>'+esc(c.country)+' · '+esc(c.field)+'</span><span class="score">score '+s.score.toFixed(3)+'</span>'+(s.status!=="new"?'<span class="badge '+esc(s.status)+'">'+esc(s.status)+'</span>':'')+'</div>'+
                '<ul class="reasons" aria-label="Why '+esc(c.name)+'">'+s.reasons.map(r=>'<li>'+esc(r)+'</li>').join("")+'</ul>'+
                '<button type="button" class="secondary whatif" data-id="'+esc(c.id)+'" data-name="'+esc(c.name)+'">What if we linked with '+esc(c.name)+'?</button><div class="whatif-result" aria-live="polite"></div></li>';
            }).join("")||'<li>No candidate matches the filters.</li>';
            $("partners-title").textContent="Suggested partners for "+current.name;
          }catch(e){$("partners-summary").textContent="";ol.innerHTML="";say(e.message,true);}
        }
        $("suggestions").addEventListener("click",e=>{
          const b=e.target.closest("button.whatif");if(!b)return;
          runWhatIf([b.dataset.id],b.nextElementSibling,b.dataset.name);
        });
        $("free-whatif").addEventListener("submit",e=>{
          e.preventDefault();const v=$("free-whatif-input").value.trim();if(!v)return;
          runWhatIf([v],$("free-whatif-result"),v);
        });
        async function runWhatIf(partners,target,label){
          if(!current)return;target.textContent="Computing…";
          try{
            const d=await getJSON("/api/v1/cities/"+current.id+"/what-if",{method:"POST",headers:{"Content-Type":"application/json"},body:JSON.stringify({partners})});
            const names=d.partners.map(p=>p.name).join(", ");
            let h='<p><strong>If '+esc(d.city.name)+' linked with '+esc(names)+'</strong>'+(d.alreadyLinked.length?' (already linked: '+esc(d.alreadyLinked.map(p=>p.name).join(", "))+')':'')+':</p><table class="whatif-table"><thead><tr><th scope="col">Measure</th><th scope="col" class="num">Rank now</th><th scope="col" class="num">Rank after</th></tr></thead><tbody>';
            for(const m of d.measures){const delta=m.before.rank-m.after.rank;h+='<tr><th scope="row">'+esc(m.title)+'</th><td class="num">'+m.before.rank+'</td><td class="num '+(delta>0?'up':delta<0?'down':'')+'">'+m.after.rank+(delta>0?' (▲'+delta+')':delta<0?' (▼'+(-delta)+')':'')+'</td></tr>';}
            target.innerHTML=h+'</tbody></table>';
          }catch(e){target.innerHTML='<p class="error">'+esc(e.message)+'</p>';}
        }
        async function loadMap(){
          const box=$("map-box"),tip=$("map-tip");$("map-section").hidden=false;
          box.querySelectorAll("svg,p").forEach(n=>n.remove());
          const p=document.createElement("p");p.textContent="Drawing the map…";box.appendChild(p);
          try{
            const r=await fetch("/api/v1/cities/"+current.id+"/map.svg?radius=1&suggest=5");
            if(!r.ok)throw new Error("the map could not be drawn ("+r.status+")");
            const text=await r.text();
            const doc=new DOMParser().parseFromString(text,"image/svg+xml");
            const svg=doc.documentElement;
            if(svg.nodeName!=="svg")throw new Error("the map could not be read");
            svg.querySelectorAll("script").forEach(n=>n.remove());
            svg.setAttribute("role","img");svg.setAttribute("aria-label","Map of "+current.name+", its partners and suggested partners");
            p.remove();box.appendChild(document.importNode(svg,true));
            box.querySelectorAll("g.node").forEach(g=>{
              const t=g.querySelector("title");const a=g.querySelector("a");
              const label=(a&&(a.getAttribute("xlink:title")||a.getAttribute("title")))||(t&&t.textContent)||g.id;
              g.setAttribute("tabindex","0");g.setAttribute("aria-label",label);g.dataset.tip=label;
              const show=()=>{const br=box.getBoundingClientRect(),gr=g.getBoundingClientRect();tip.textContent=label;tip.hidden=false;
                tip.style.left=Math.max(0,Math.min(gr.left-br.left,br.width-260))+"px";tip.style.top=(gr.bottom-br.top+4)+"px";};
              g.addEventListener("mouseenter",show);g.addEventListener("focus",show);
              g.addEventListener("mouseleave",()=>tip.hidden=true);g.addEventListener("blur",()=>tip.hidden=true);
            });
          }catch(e){p.textContent=e.message;p.className="error";}
        }
        function renderDownloads(){
          const id=encodeURIComponent(current.id),q=filterQuery();
          $("downloads").innerHTML=
            '<li><a href="/api/v1/cities/'+id+'/report.html">Full planner report for '+esc(current.name)+'</a></li>'+
            '<li><a href="/api/v1/cities/'+id+'/partners.csv'+(q?'?'+q:'')+'" download>Suggested partners (CSV)</a></li>'+
            '<li><a href="/api/v1/cities/'+id+'/metrics.csv" download>Every city\'s measures (CSV)</a></li>'+
            '<li><a href="/api/v1/cities/'+id+'/map.svg?radius=1&amp;suggest=5">This map (SVG, to forward)</a></li>';
          $("downloads-section").hidden=false;
        }
        $("filters").addEventListener("change",()=>{if(current)renderDownloads();});
        if(location.hash.length>1){openCity(decodeURIComponent(location.hash.slice(1)));}
        })();
        </script>
        </body>
        </html>
        """#
}
