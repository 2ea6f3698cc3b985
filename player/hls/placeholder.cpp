// placeholder until the HLS engine lands
