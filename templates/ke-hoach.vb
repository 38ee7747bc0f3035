{#- Kế hoạch: the body of a plan, in vanban block markup (see README "Templates").
    Header block, title, signature and Nơi nhận are laid out by vanban from the record;
    this template decides only what the body says. Components come from chung.vb. -#}
{{ <noi_dung blocks={mo_dau} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{{ <cac_phan phan={phan} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
{{ <noi_dung blocks={ket_thuc} tieu_chi={tieu_chi} tong={tong} khac_phuc={khac_phuc} tong_hop={tong_hop} /> }}
